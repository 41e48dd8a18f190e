import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { label } from '@lianxin/core';
import { useLocale, useT } from '../../i18n/i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { CONSOLE_ROUTES } from '../routes';
import { hasRole, useMe, useSession } from './session';
import { shellMessages } from './shell.messages';

const menuPath = (path: string) => path.replace(/\/\*$/, '');

/** Header with the user, their units and the language switch; a menu shaped by the user's roles. */
export function AppLayout() {
  const t = useT(shellMessages);
  const me = useMe();
  const { locale } = useLocale();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const items = CONSOLE_ROUTES.filter((r) => r.nav && (!r.roles || hasRole(me, ...r.roles))).map((r) => ({ key: menuPath(r.path), label: t(r.nav!) }));
  const selected = items.filter((i) => (i.key === '/' ? location.pathname === '/' : location.pathname.startsWith(i.key))).map((i) => i.key);
  const units = [...new Map(me.roles.map((g) => [g.unitId, g])).values()];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#c0392b' }}>
            {t('appName')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appSubtitle')}
          </Typography.Text>
        </div>
        <Menu mode="inline" items={items} selectedKeys={selected} onClick={({ key }) => navigate(key)} data-testid="main-menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 8, borderBottom: '1px solid #f0f0f0', height: 'auto', minHeight: 56, flexWrap: 'wrap' }}>
          <Space wrap size={4} style={{ flex: 1, minWidth: 0 }}>
            {units.map((g) => (
              <Tag key={g.unitId} title={g.areaName ? `${g.areaName} ${g.areaCode}` : g.areaCode} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {g.unitName}
                {g.areaName && !g.unitName.startsWith(g.areaName) ? ` · ${g.areaName}` : ''}
              </Tag>
            ))}
          </Space>
          <Typography.Text strong data-testid="current-user">
            {me.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[...new Set(me.roles.map((g) => label('role', g.role, locale)))].join('、')}
          </Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={() => signOut()} data-testid="sign-out">
            {t('signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
