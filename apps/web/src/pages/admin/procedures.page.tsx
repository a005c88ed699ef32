import { App, Button, Input, Select, Space, Switch, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { AdminOnly } from './admin-only';
import { adminErrorMessage } from './admin-labels';
import { LEVEL_LABELS, ProcedureFormDrawer } from './procedure-form.drawer';
import { legalTimeLabel, proceduresApi, type Procedure, type ProcedureFilter } from './procedures.api';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const PAGE_SIZE = 20;

/** Danh mục thủ tục (admin): every procedure, published or not; create, edit, publish, import and export. */
export function ProceduresPage() {
  return (
    <AdminOnly>
      <ProceduresView />
    </AdminOnly>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

function ProceduresView() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<ProcedureFilter>({ limit: PAGE_SIZE, offset: 0 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ procedure?: Procedure } | null>(null);
  const { page, loading, reload } = usePagedList(proceduresApi.list, filter);

  const refine = (change: Partial<ProcedureFilter>) => setFilter((current) => ({ ...current, ...change, offset: 0 }));

  const togglePublished = async (procedure: Procedure, published: boolean) => {
    try {
      await proceduresApi.setPublished(procedure.code, published);
      message.success(published ? `Đã công bố ${procedure.code}` : `Đã ngừng công bố ${procedure.code}`);
      reload();
    } catch (cause) {
      message.error(adminErrorMessage(cause));
    }
  };

  const exportCatalog = async () => {
    try {
      download('catalog.json', `${JSON.stringify(await proceduresApi.exportCatalog(), null, 2)}\n`);
    } catch (cause) {
      message.error(adminErrorMessage(cause));
    }
  };

  const importCatalog = async (file: File) => {
    try {
      const result = await proceduresApi.importCatalog(JSON.parse(await file.text()));
      message.success(
        `Đã nhập danh mục: ${result.created.length} thủ tục mới, ${result.updated.length} thủ tục cập nhật`,
      );
      reload();
    } catch (cause) {
      message.error(cause instanceof SyntaxError ? 'Tệp không phải JSON hợp lệ.' : adminErrorMessage(cause), 8);
    }
  };

  const columns: ColumnsType<Procedure> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      width: 130,
      render: (code: string) => <span data-testid={`procedure-row-${code}`}>{code}</span>,
    },
    {
      title: 'Tên thủ tục',
      dataIndex: 'name',
      render: (name: string, p) => (
        <>
          <div>{name}</div>
          <Typography.Text type="secondary">{p.field}</Typography.Text>
        </>
      ),
    },
    {
      title: 'Cấp',
      dataIndex: 'level',
      width: 100,
      responsive: ['lg'],
      render: (level: Procedure['level']) => LEVEL_LABELS[level] ?? level,
    },
    { title: 'Thời hạn', dataIndex: 'legalTime', width: 150, render: legalTimeLabel },
    {
      title: 'Lệ phí',
      dataIndex: 'fee',
      width: 110,
      responsive: ['xl'],
      render: (fee: number) => (fee ? `${fee.toLocaleString('vi-VN')} đ` : 'Miễn phí'),
    },
    {
      title: 'Quy trình',
      key: 'process',
      width: 230,
      responsive: ['md'],
      render: (_, p) => (
        <Typography.Text code>
          {p.processKey}
          {p.processVersion ? ` v${p.processVersion}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: 'Đơn vị quản lý',
      dataIndex: 'ownerUnitCode',
      width: 140,
      responsive: ['xl'],
      render: (owner: string | null | undefined) => owner ?? 'Cấp tỉnh',
    },
    {
      title: 'Công bố',
      dataIndex: 'published',
      width: 100,
      render: (published: boolean, p) => (
        <Switch
          checked={published}
          onChange={(on) => void togglePublished(p, on)}
          data-testid={`procedure-publish-${p.code}`}
        />
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 70,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => setEditing({ procedure: p })}>
          Sửa
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Danh mục thủ tục
        </Typography.Title>
        <Space wrap>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importCatalog(file);
              return false;
            }}
          >
            <Button data-testid="procedure-import">Nhập danh mục</Button>
          </Upload>
          <Button onClick={() => void exportCatalog()} data-testid="procedure-export">
            Xuất danh mục
          </Button>
          <Button type="primary" onClick={() => setEditing({})} data-testid="procedure-create">
            Thêm thủ tục
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="Mã, tên thủ tục hoặc quy trình"
          maxLength={FIELD_LIMITS.search}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 320 }}
          data-testid="procedure-search"
        />
        <Select
          placeholder="Mọi trạng thái"
          allowClear
          options={[
            { value: 'true', label: 'Đang công bố' },
            { value: 'false', label: 'Chưa công bố' },
          ]}
          onChange={(published?: 'true' | 'false') => refine({ published })}
          style={{ width: 180 }}
        />
      </Space>
      <Table<Procedure>
        rowKey="code"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'thủ tục')}
      />
      <ProcedureFormDrawer
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          message.success(created ? `Đã thêm thủ tục ${saved.code}` : 'Đã lưu thủ tục');
          setEditing(null);
          // A new entry may sort onto a later page: show it, so the administrator sees what was made.
          if (created) {
            setSearch(saved.code);
            refine({ q: saved.code });
          } else reload();
        }}
      />
    </>
  );
}
