import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { adminApi, type UnitNode } from './admin.api';
import { AdminOnly } from './admin-only';
import { adminErrorMessage, UNIT_KIND_LABELS } from './admin-labels';
import { UnitFormModal, type UnitFormTarget } from './unit-form.modal';
import { UnitMoveModal } from './unit-move.modal';
import { flattenUnits, tableRows } from './unit-tree';

/** Đơn vị (admin): the tree of the administrator's units; create, edit, move, deactivate. */
export function UnitsPage() {
  return (
    <AdminOnly>
      <UnitsView />
    </AdminOnly>
  );
}

function UnitsView() {
  const { message, modal } = App.useApp();
  const [tree, setTree] = useState<UnitNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<UnitNode | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTree((await adminApi.units()).items);
    } catch (cause) {
      message.error(adminErrorMessage(cause));
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = (text: string) => {
    message.success(text);
    setEditing(null);
    setMoving(null);
    void load();
  };

  const toggleActive = (unit: UnitNode) => {
    const deactivate = unit.active;
    modal.confirm({
      title: deactivate ? `Ngừng hoạt động ${unit.name}?` : `Kích hoạt lại ${unit.name}?`,
      content: deactivate
        ? 'Đơn vị không bị xóa: hồ sơ và tài khoản của đơn vị được giữ nguyên, nhưng đơn vị không còn được chọn khi tạo mới.'
        : undefined,
      okText: deactivate ? 'Ngừng hoạt động' : 'Kích hoạt lại',
      okButtonProps: { danger: deactivate },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await adminApi.setUnitActive(unit.code, !deactivate);
          saved(deactivate ? 'Đã ngừng hoạt động đơn vị' : 'Đã kích hoạt lại đơn vị');
        } catch (cause) {
          message.error(adminErrorMessage(cause));
        }
      },
    });
  };

  const roots = new Set(tree.map((unit) => unit.code));
  const columns: ColumnsType<UnitNode> = [
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      // Inline, not in a Space: the tree indent and a long name must wrap together.
      render: (name: string, unit) => (
        <>
          <span data-testid={`unit-row-${unit.code}`}>{name}</span>
          {!unit.active && <Tag style={{ marginLeft: 8 }}>Ngừng hoạt động</Tag>}
        </>
      ),
    },
    {
      title: 'Mã định danh',
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 150,
      responsive: ['md'],
      render: (kind: UnitNode['kind']) => UNIT_KIND_LABELS[kind],
    },
    { title: 'Tài khoản', dataIndex: 'users', width: 100, align: 'right', responsive: ['lg'] },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 400,
      render: (_, unit) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            disabled={!unit.active}
            onClick={() => setEditing({ parentCode: unit.code })}
          >
            Thêm đơn vị con
          </Button>
          <Button type="link" size="small" onClick={() => setEditing({ unit })}>
            Sửa
          </Button>
          {!roots.has(unit.code) && (
            <>
              <Button type="link" size="small" onClick={() => setMoving(unit)}>
                Chuyển
              </Button>
              <Button type="link" size="small" danger={unit.active} onClick={() => toggleActive(unit)}>
                {unit.active ? 'Ngừng hoạt động' : 'Kích hoạt lại'}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đơn vị
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing({ parentCode: tree[0]?.code })} data-testid="unit-create">
          Thêm đơn vị
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        Cây đơn vị bạn quản trị với mã định danh theo Quyết định 20/2020/QĐ-TTg. Đơn vị không bị xóa, chỉ ngừng hoạt
        động. Giờ làm việc của từng đơn vị được đặt tại trang <Link to="/admin/calendar">Lịch làm việc</Link>.
      </Typography.Paragraph>
      <Table<UnitNode>
        rowKey="code"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={tableRows(tree)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true, indentSize: 24 }}
        key={flattenUnits(tree).length}
        scroll={{ x: 900 }}
      />
      <UnitFormModal
        target={editing}
        tree={tree}
        onClose={() => setEditing(null)}
        onSaved={() => saved(editing?.unit ? 'Đã lưu đơn vị' : 'Đã thêm đơn vị')}
      />
      <UnitMoveModal
        unit={moving}
        tree={tree}
        onClose={() => setMoving(null)}
        onSaved={() => saved('Đã chuyển đơn vị')}
      />
    </>
  );
}
