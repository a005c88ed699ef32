import { Button, Grid, Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth.context';
import { DeploymentWarnings } from './deployment-warnings';
import { NotificationBell } from './notification-bell';

const { Header, Sider, Content } = Layout;

/** Only pages that exist are linked (no placeholders); admin pages only for administrators. */
function menuItemsFor(roles: readonly string[]): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [{ key: '/inbox', label: <Link to="/inbox">Hộp công việc</Link> }];
  if (roles.includes('reception'))
    items.push({ key: '/tiep-nhan', label: <Link to="/tiep-nhan">Tiếp nhận hồ sơ</Link> });
  if (roles.includes('reception'))
    items.push({ key: '/truc-tuyen', label: <Link to="/truc-tuyen">Hồ sơ trực tuyến</Link> });
  if (roles.some((role) => ['reception', 'specialist', 'head', 'leader'].includes(role.split(':')[0])))
    items.push({ key: '/ho-so', label: <Link to="/ho-so">Hồ sơ</Link> });
  if (roles.includes('leader')) items.push({ key: '/bao-cao', label: <Link to="/bao-cao">Báo cáo</Link> });
  if (roles.includes('admin'))
    items.push({ key: '/admin/calendar', label: <Link to="/admin/calendar">Lịch làm việc</Link> });
  if (roles.includes('admin')) items.push({ key: '/modeler', label: <Link to="/modeler">Thiết kế quy trình</Link> });
  if (roles.includes('admin')) {
    items.push({
      type: 'group',
      key: 'admin',
      label: 'Quản trị',
      children: [
        { key: '/admin/units', label: <Link to="/admin/units">Đơn vị</Link> },
        { key: '/admin/users', label: <Link to="/admin/users">Tài khoản</Link> },
        { key: '/admin/procedures', label: <Link to="/admin/procedures">Danh mục thủ tục</Link> },
        { key: '/admin/danh-gia', label: <Link to="/admin/danh-gia">Tiêu chí đánh giá</Link> },
        { key: '/admin/van-hanh', label: <Link to="/admin/van-hanh">Vận hành</Link> },
        { key: '/admin/audit', label: <Link to="/admin/audit">Nhật ký hệ thống</Link> },
      ],
    });
  }
  return items;
}

/** Signed-in shell: side menu, header with the officer's name, unit and Đăng xuất. */
export function AppLayout() {
  const { user, logout } = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider breakpoint="md" collapsedWidth={0} width={220} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, lineHeight: 1.3 }}>
          Một cửa điện tử
          <div style={{ fontWeight: 400, fontSize: 12, opacity: 0.75 }}>liên thông</div>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[location.pathname]} items={menuItemsFor(user?.roles ?? [])} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle" align="center">
            <NotificationBell />
            <div style={{ lineHeight: 1.3, textAlign: 'right' }}>
              <Typography.Text strong data-testid="user-name">
                {user?.fullName}
              </Typography.Text>
              {screens.sm && (
                <div>
                  <Typography.Text type="secondary" data-testid="user-unit">
                    {user?.unitName}
                  </Typography.Text>
                </div>
              )}
            </div>
            {screens.sm && (
              <Link to="/account/password" style={{ whiteSpace: 'nowrap' }} data-testid="change-password">
                Đổi mật khẩu
              </Link>
            )}
            <Button onClick={logout} data-testid="logout">
              Đăng xuất
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: screens.md ? 24 : 12 }}>
          {user?.roles.includes('admin') && <DeploymentWarnings />}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
