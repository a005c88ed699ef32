import { Button, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth.context';

const { Header, Sider, Content } = Layout;

/** Only pages that exist are linked (no placeholders); admin pages only for administrators. */
function menuItemsFor(roles: readonly string[]) {
  const items = [{ key: '/inbox', label: <Link to="/inbox">Hộp công việc</Link> }];
  if (roles.includes('admin')) items.push({ key: '/admin/calendar', label: <Link to="/admin/calendar">Lịch làm việc</Link> });
  if (roles.includes('admin')) items.push({ key: '/modeler', label: <Link to="/modeler">Thiết kế quy trình</Link> });
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
            <Button onClick={logout} data-testid="logout">
              Đăng xuất
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: screens.md ? 24 : 12 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
