import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Collapse, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Opinion } from '../../api/api.types';
import { listTaskOpinions } from '../../api/tasks.api';
import { FileUploader, formatSize, listDossierFiles, type StoredFile } from '../../files';
import { OpinionList } from '../../opinions/opinion-list';

/** A file attached to the step being completed. */
export interface AttachedFile {
  id: string;
  name: string;
  size: number;
}

const attachedOf = (file: StoredFile): AttachedFile => ({ id: file.id, name: file.fileName, size: file.size });

/**
 * Ý kiến các bước trước: every opinion written on the dossier so far, newest first, open by
 * default so the next officer reads them before deciding; a long list scrolls inside the dialog.
 */
export function EarlierOpinions({ taskId }: { taskId: string }) {
  const [opinions, setOpinions] = useState<Opinion[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setOpinions(null);
    setFailed(false);
    listTaskOpinions(taskId).then(
      (page) => live && setOpinions(page.items),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [taskId]);
  const label = opinions ? `Ý kiến các bước trước (${opinions.length})` : 'Ý kiến các bước trước';
  const body = failed ? (
    <Typography.Text type="secondary">Không tải được ý kiến các bước trước. Vui lòng mở lại hộp thoại.</Typography.Text>
  ) : opinions ? (
    <div style={{ maxHeight: 260, overflowY: 'auto' }}>
      <OpinionList opinions={opinions} />
    </div>
  ) : (
    <Spin size="small" />
  );
  return (
    <Collapse
      size="small"
      defaultActiveKey={['earlier']}
      style={{ marginBottom: 16 }}
      data-testid="earlier-opinions"
      items={[{ key: 'earlier', label, children: body }]}
    />
  );
}

/**
 * The files attached to this step: uploaded at once to the dossier (kind `attachment`, this
 * task), listed with "Bỏ" to leave one out; files uploaded for the step before (a dialog closed
 * without completing) are listed again.
 */
export function StepAttachments({
  dossierCode,
  taskId,
  files,
  onChange,
}: {
  dossierCode: string;
  taskId: string;
  files: AttachedFile[];
  onChange(files: AttachedFile[]): void;
}) {
  useEffect(() => {
    let live = true;
    listDossierFiles(dossierCode).then(
      (all) => {
        const earlier = all.filter((f) => f.kind === 'attachment' && f.taskId === taskId).map(attachedOf);
        if (live && earlier.length) onChange(earlier);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once per step: `onChange` is a new function on every render of the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dossierCode, taskId]);
  const add = (stored: StoredFile[]) =>
    onChange([...files, ...stored.map(attachedOf).filter((f) => !files.some((x) => x.id === f.id))]);
  return (
    <div data-testid="step-attachments">
      {files.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 8px' }}>
          {files.map((file) => (
            <li key={file.id} data-testid="attached-file" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <PaperClipOutlined />
              <span style={{ overflowWrap: 'anywhere' }}>{file.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatSize(file.size)}
              </Typography.Text>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => onChange(files.filter((f) => f.id !== file.id))}
                aria-label={`Bỏ ${file.name}`}
              >
                Bỏ
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FileUploader
        dossierCode={dossierCode}
        kind="attachment"
        taskId={taskId}
        hideDone
        compact
        onUploaded={add}
        hint="Kéo thả tệp vào đây hoặc bấm để chọn (PDF, JPEG, PNG)"
      />
    </div>
  );
}
