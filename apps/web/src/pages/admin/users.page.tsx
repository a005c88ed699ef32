import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { roleLabel } from '../../auth/roles';
import { useAuth } from '../../auth/auth.context';
import { adminApi, type Account, type AccountFilter, type UnitNode } from './admin.api';
import { AdminOnly } from './admin-only';
import { adminErrorMessage } from './admin-labels';
import { BASE_ROLE_OPTIONS } from './account-roles';
import { TemporaryPasswordModal } from './temporary-password.modal';
import { UserFormModal, type UserFormTarget } from './user-form.modal';
import { UnitPicker } from './unit-picker';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const PAGE_SIZE = 20;

/** Tài khoản (admin): accounts of the administrator's units; create, edit, deactivate, reset, unlock. */
export function UsersPage() {
  return (
    <AdminOnly>
      <UsersView />
    </AdminOnly>
  );
}

/**
 * Failed sign-ins since the last success: some address may be made to wait (there is no account
 * lock any more, issue 15); "Mở khóa" lifts those waits. A lock from before is still shown.
 */
function hasFailedLogins(account: Account): boolean {
  return (
    account.failedLogins > 0 || (account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > Date.now())
  );
}

function UsersView() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const [tree, setTree] = useState<UnitNode[]>([]);
  const [filter, setFilter] = useState<AccountFilter>({ limit: PAGE_SIZE, offset: 0 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserFormTarget | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const { page, loading, reload: load } = usePagedList(adminApi.users, filter);

  useEffect(() => {
    adminApi.units().then(
      (units) => setTree(units.items),
      (cause: unknown) => message.error(adminErrorMessage(cause)),
    );
  }, [message]);

  const refine = (change: Partial<AccountFilter>) => setFilter((current) => ({ ...current, ...change, offset: 0 }));

  const act = (
    title: string,
    okText: string,
    run: () => Promise<unknown>,
    done: string,
    danger = false,
    content?: string,
  ) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: 'Hủy',
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await run();
          message.success(done);
          load();
        } catch (cause) {
          message.error(adminErrorMessage(cause));
        }
      },
    });

  const resetPassword = (account: Account) =>
    act(
      `Đặt lại mật khẩu cho ${account.fullName}?`,
      'Đặt lại',
      async () => {
        const result = await adminApi.resetPassword(account.username);
        setPassword({ username: account.username, password: result.temporaryPassword });
      },
      'Đã đặt lại mật khẩu',
      false,
      'Mật khẩu hiện tại hết hiệu lực; người dùng phải đổi mật khẩu tạm khi đăng nhập.',
    );

  const columns: ColumnsType<Account> = [
    {
      title: 'Tên đăng nhập',
      dataIndex: 'username',
      width: 160,
      render: (name: string) => <span data-testid={`user-row-${name}`}>{name}</span>,
    },
    { title: 'Họ và tên', dataIndex: 'fullName', width: 170 },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      width: 220,
      responsive: ['lg'],
      render: (name: string, a) => <span title={a.unitCode}>{name}</span>,
    },
    {
      title: 'Vai trò',
      dataIndex: 'roles',
      render: (roles: string[]) => roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
    },
    {
      title: 'Trạng thái',
      key: 'state',
      render: (_, a) => (
        <Space size={[0, 4]} wrap>
          {a.active ? <Tag color="green">Hoạt động</Tag> : <Tag>Ngừng</Tag>}
          {hasFailedLogins(a) && <Tag color="red">{a.failedLogins} lần đăng nhập sai</Tag>}
          {a.mustChangePassword && <Tag color="orange">Chờ đổi mật khẩu</Tag>}
        </Space>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 270,
      fixed: 'right',
      render: (_, a) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ account: a })}>
            Sửa
          </Button>
          <Button type="link" size="small" onClick={() => resetPassword(a)}>
            Đặt lại mật khẩu
          </Button>
          {hasFailedLogins(a) && (
            <Button
              type="link"
              size="small"
              onClick={() => act(`Mở khóa ${a.fullName}?`, 'Mở khóa', () => adminApi.unlock(a.username), 'Đã mở khóa')}
            >
              Mở khóa
            </Button>
          )}
          {a.username !== user?.username && (
            <Button
              type="link"
              size="small"
              danger={a.active}
              onClick={() =>
                a.active
                  ? act(
                      `Ngừng tài khoản ${a.fullName}?`,
                      'Ngừng tài khoản',
                      () => adminApi.setUserActive(a.username, false),
                      'Đã ngừng tài khoản',
                      true,
                      'Người dùng bị đăng xuất ngay. Các công việc họ đang nhận được trả lại cho nhóm xử lý.',
                    )
                  : act(
                      `Kích hoạt lại ${a.fullName}?`,
                      'Kích hoạt lại',
                      () => adminApi.setUserActive(a.username, true),
                      'Đã kích hoạt lại tài khoản',
                    )
              }
            >
              {a.active ? 'Ngừng' : 'Kích hoạt lại'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tài khoản
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing({})} data-testid="user-create">
          Thêm tài khoản
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="Tên đăng nhập hoặc họ tên"
          maxLength={FIELD_LIMITS.search}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 260 }}
          data-testid="user-search"
        />
        <UnitPicker
          tree={tree}
          anyUnit
          placeholder="Mọi đơn vị"
          allowClear
          onChange={(unit) => refine({ unit })}
          style={{ width: 300 }}
        />
        <Select
          placeholder="Mọi vai trò"
          allowClear
          options={BASE_ROLE_OPTIONS}
          onChange={(role?: string) => refine({ role })}
          style={{ width: 180 }}
        />
        <Select
          placeholder="Mọi trạng thái"
          allowClear
          options={[
            { value: 'true', label: 'Hoạt động' },
            { value: 'false', label: 'Ngừng' },
          ]}
          onChange={(value?: string) => refine({ active: value === undefined ? undefined : value === 'true' })}
          style={{ width: 160 }}
        />
      </Space>
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        scroll={{ x: 1120 }}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'tài khoản')}
      />
      <UserFormModal
        target={editing}
        tree={tree}
        onClose={() => setEditing(null)}
        onSaved={({ username, temporaryPassword }) => {
          const created = !editing?.account;
          message.success(created ? `Đã tạo tài khoản ${username}` : 'Đã lưu tài khoản');
          setEditing(null);
          if (temporaryPassword) setPassword({ username, password: temporaryPassword });
          // A new account may sort onto a later page: show it, so the administrator sees what was made.
          if (created) {
            setSearch(username);
            refine({ q: username });
          } else load();
        }}
      />
      <TemporaryPasswordModal shown={password} onClose={() => setPassword(null)} />
    </>
  );
}
