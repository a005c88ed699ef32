import type { CSSProperties, ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';

/** The citizen's pages, in the order the header lists them. */
export const PUBLIC_LINKS = [
  { to: '/thu-tuc', label: 'Thủ tục' },
  { to: '/tra-cuu', label: 'Tra cứu' },
  { to: '/ho-so-cua-toi', label: 'Hồ sơ của tôi' },
] as const;

const BLUE = '#0b4ea2';
const WIDTH = 960;

const linkStyle = ({ isActive }: { isActive: boolean }): CSSProperties => ({
  color: '#fff',
  textDecoration: 'none',
  padding: '6px 12px',
  borderRadius: 6,
  fontWeight: isActive ? 600 : 400,
  background: isActive ? 'rgba(255,255,255,0.18)' : 'transparent',
  whiteSpace: 'nowrap',
  minHeight: 44,
  display: 'inline-flex',
  alignItems: 'center',
});

/**
 * The header of every citizen page (/thu-tuc, /tra-cuu, /ho-so-cua-toi, /cong-dan/dang-nhap,
 * /danh-gia…): the portal's name and the three links, in plain markup (no antd Menu or Layout: the
 * public pages' first load stays ≤ 200 KB of JavaScript, issue 18 item 8). Fits 360 px.
 */
export function PublicHeader() {
  return (
    <header style={{ background: BLUE, color: '#fff' }} data-testid="public-header">
      <div
        style={{
          maxWidth: WIDTH,
          margin: '0 auto',
          padding: '6px 16px',
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: '4px 16px',
        }}
      >
        <Link
          to="/thu-tuc"
          style={{ color: '#fff', textDecoration: 'none', fontWeight: 700, fontSize: 16, padding: '6px 0' }}
        >
          Dịch vụ công trực tuyến
        </Link>
        <nav aria-label="Trang công dân" style={{ display: 'flex', gap: 4, flexWrap: 'wrap', marginLeft: -12 }}>
          {PUBLIC_LINKS.map((link) => (
            <NavLink key={link.to} to={link.to} style={linkStyle}>
              {link.label}
            </NavLink>
          ))}
        </nav>
      </div>
    </header>
  );
}

/** The footer of the citizen pages: the statistics and the staff's sign-in. */
export function PublicFooter() {
  const link: CSSProperties = { color: BLUE, minHeight: 32, display: 'inline-flex', alignItems: 'center' };
  return (
    <footer style={{ borderTop: '1px solid #d9e2f0', background: '#fff', marginTop: 32 }} data-testid="public-footer">
      <div
        style={{
          maxWidth: WIDTH,
          margin: '0 auto',
          padding: '16px',
          display: 'flex',
          flexWrap: 'wrap',
          gap: '4px 24px',
          alignItems: 'center',
          color: '#595959',
          fontSize: 14,
        }}
      >
        <span>Hệ thống thông tin giải quyết thủ tục hành chính một cửa điện tử</span>
        <Link to="/thong-ke" style={link}>
          Thống kê tình hình giải quyết hồ sơ
        </Link>
        <Link to="/login" style={link}>
          Cán bộ đăng nhập
        </Link>
      </div>
    </footer>
  );
}

/** A citizen page: the header, the content in a readable column, the footer. */
export function PublicPage({ children, width = WIDTH }: { children: ReactNode; width?: number }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f0f5ff' }}>
      <PublicHeader />
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: width,
          margin: '0 auto',
          padding: '20px 16px',
          boxSizing: 'border-box',
        }}
      >
        {children}
      </main>
      <PublicFooter />
    </div>
  );
}
