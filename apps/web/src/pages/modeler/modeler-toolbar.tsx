import { Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef } from 'react';
import type { DiagramOrigin } from './use-diagram-files';

interface Props {
  origin: DiagramOrigin | null;
  processKey: string | null;
  dirty: boolean;
  errors: number;
  deploying: boolean;
  onNew(): void;
  onOpen(): void;
  onImport(file: File): void;
  onDownloadXml(): void;
  onDownloadSvg(): void;
  onDeploy(): void;
  /** Opens the owner and inter-agency partners of the diagram's process key. */
  onPartners(): void;
}

function describeOrigin(origin: DiagramOrigin | null, processKey: string | null, dirty: boolean): string {
  const key = processKey ?? '';
  const changed = dirty ? ' · có thay đổi chưa triển khai' : '';
  if (!origin) return '';
  if (origin.kind === 'deployed')
    return `${key} · ${origin.version ? `phiên bản ${origin.version}` : 'phiên bản mới nhất'}${changed}`;
  if (origin.kind === 'file') return `${key} · từ tệp ${origin.fileName}${changed}`;
  return `${key} · chưa triển khai`;
}

/** File actions on the left, Deploy on the right; Deploy stays disabled while the diagram has errors. */
export function ModelerToolbar(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const blocked = props.errors > 0;
  return (
    <div className="mc-toolbar">
      <Space wrap size="small">
        <Button onClick={props.onNew} data-testid="modeler-new">
          Tạo mới
        </Button>
        <Button onClick={props.onOpen} data-testid="modeler-open">
          Mở quy trình đã triển khai
        </Button>
        <Button onClick={() => fileInput.current?.click()} data-testid="modeler-import">
          Nhập tệp BPMN
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          hidden
          data-testid="modeler-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) props.onImport(file);
          }}
        />
        <Dropdown
          menu={{
            items: [
              {
                key: 'xml',
                label: <span data-testid="modeler-download-xml">Tải tệp BPMN (.bpmn)</span>,
                onClick: props.onDownloadXml,
              },
              {
                key: 'svg',
                label: <span data-testid="modeler-download-svg">Tải hình sơ đồ (.svg)</span>,
                onClick: props.onDownloadSvg,
              },
            ],
          }}
        >
          <Button data-testid="modeler-download">Tải về</Button>
        </Dropdown>
        <Typography.Text type="secondary" data-testid="modeler-origin">
          {describeOrigin(props.origin, props.processKey, props.dirty)}
        </Typography.Text>
      </Space>
      <Space size="small">
        <Tooltip title="Đơn vị sở hữu và đơn vị phối hợp liên thông của mã quy trình này">
          <Button onClick={props.onPartners} disabled={!props.processKey} data-testid="modeler-partners">
            Đơn vị phối hợp
          </Button>
        </Tooltip>
        {blocked && <Tag color="error">{props.errors} lỗi</Tag>}
        <Tooltip title={blocked ? 'Sửa hết các lỗi trên sơ đồ trước khi triển khai' : 'Triển khai thành phiên bản mới'}>
          <Button
            type="primary"
            onClick={props.onDeploy}
            loading={props.deploying}
            disabled={blocked}
            data-testid="modeler-deploy"
          >
            Triển khai
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}
