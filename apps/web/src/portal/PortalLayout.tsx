import { EditOutlined, FileSearchOutlined, HomeOutlined, ReadOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { NavLink, Outlet } from 'react-router';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { portalMessages } from './portal.messages';

const TABS = [
  { to: '/', icon: <HomeOutlined />, key: 'nav.home' },
  { to: '/submit', icon: <EditOutlined />, key: 'nav.submit' },
  { to: '/track', icon: <FileSearchOutlined />, key: 'nav.track' },
  { to: '/board', icon: <ReadOutlined />, key: 'nav.board' },
] as const;

/** A phone-first frame: a slim header and a bottom tab bar within thumb reach. */
export function PortalLayout() {
  const t = useT(portalMessages);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', minHeight: '100vh', background: '#f7f7f7', paddingBottom: 72 }}>
      <header style={{ background: '#c0392b', color: '#fff', padding: '12px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t('brand')}
        </Typography.Text>
        <LanguageSwitch onDark />
      </header>
      <main style={{ padding: 12 }}>
        <Outlet />
      </main>
      <nav
        aria-label="portal"
        style={{ position: 'fixed', bottom: 0, left: 0, right: 0, background: '#fff', borderTop: '1px solid #eee', display: 'flex', justifyContent: 'center', paddingBottom: 'env(safe-area-inset-bottom)' }}
      >
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.to === '/'}
            style={({ isActive }) => ({ flex: 1, maxWidth: 160, textAlign: 'center', padding: '8px 0', color: isActive ? '#c0392b' : '#666', fontSize: 12 })}
          >
            <div style={{ fontSize: 20 }}>{tab.icon}</div>
            {t(tab.key)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
