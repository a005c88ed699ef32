import { App, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { listDefinitions, type DefinitionSummary } from '../../api/definitions.api';
import { reportError } from '../../api/report-error';
import { formatDateTime } from '../inbox/due-state';

interface Props {
  open: boolean;
  onClose(): void;
  onOpen(key: string, version: number): void;
}

const PAGE_SIZE = 10;

/** Every deployed version, newest first within a process; one click opens it. */
export function OpenDefinitionModal({ open, onClose, onOpen }: Props) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DefinitionSummary[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setLoading(true);
    listDefinitions(PAGE_SIZE, (page - 1) * PAGE_SIZE)
      .then((result) => !cancelled && setData(result))
      .catch((cause) => !cancelled && reportError(message, cause))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [open, page, message]);

  return (
    <Modal open={open} title="Mở quy trình đã triển khai" onCancel={onClose} footer={null} width={820} destroyOnHidden>
      <Table<DefinitionSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.items}
        locale={{ emptyText: 'Chưa có quy trình nào được triển khai' }}
        onRow={(row) =>
          ({
            onClick: () => onOpen(row.key, row.version),
            style: { cursor: 'pointer' },
            'data-testid': `definition-${row.key}-${row.version}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: 'Tên quy trình',
            dataIndex: 'name',
            render: (name: string, row) => (
              <>
                <div>{name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.key}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Phiên bản', dataIndex: 'version', width: 90, align: 'center' },
          { title: 'Mã thủ tục', dataIndex: 'procedureCode', width: 120, render: (code: string | null) => code ?? '—' },
          { title: 'Triển khai lúc', dataIndex: 'deployedAt', width: 150, render: (at: string) => formatDateTime(at) },
          { title: 'Người triển khai', dataIndex: 'deployedBy', width: 130, render: (by: string | null) => by ?? '—' },
        ]}
      />
    </Modal>
  );
}
