import { MenuOutlined } from '@ant-design/icons';
import { label } from '@lianxin/core';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { NoticeBell } from '../notices/NoticeBell';
import { NoticeFeedProvider } from '../notices/notice-feed';
import { CONSOLE_ROUTES, MENU_SECTIONS } from '../routes';
import { hasRole, useMe, useSession } from './session';
import { shellMessages } from './shell.messages';

// — offline — the field workers' queue badge loads with its own chunk, not with everyone's shell.
const OfflineBadge = lazy(() => import('../offline/OfflineBadge'));
const FIELD_ROLES = CONSOLE_ROUTES.find((r) => r.path === '/offline')?.roles ?? [];

const menuPath = (path: string) => path.replace(/\/\*$/, '');

/**
 * Header with the user, their units, the notices' bell and the language switch; a menu shaped by the user's roles —
 * a side bar on a laptop, a drawer behind a button on a phone.
 */
export function AppLayout() {
  const t = useT(shellMessages);
  const me = useMe();
  const { locale } = useLocale();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // Before the first measurement the breakpoints are unknown; assume a laptop.
  const wide = Grid.useBreakpoint().lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const entries = CONSOLE_ROUTES.filter((r) => r.nav && (!r.roles || hasRole(me, ...r.roles))).map((r) => ({ key: menuPath(r.path), label: t(r.nav!), section: r.section }));
  // Sections with something in them, as groups whose titles name the kind of work.
  const items = MENU_SECTIONS.map((section) => ({
    type: 'group' as const,
    key: `section.${section}`,
    label: t(`section.${section}`),
    children: entries.filter((e) => e.section === section).map(({ key, label }) => ({ key, label })),
  })).filter((group) => group.children.length > 0);
  const selected = entries.filter((i) => (i.key === '/' ? location.pathname === '/' : location.pathname.startsWith(i.key))).map((i) => i.key);
  const units = [...new Map(me.roles.map((g) => [g.unitId, g])).values()];
  const roles = [...new Set(me.roles.map((g) => label('role', g.role, locale)))].join('、');

  const brand = (
    <div style={{ padding: '16px 20px' }}>
      <Typography.Title level={4} style={{ margin: 0, color: '#c0392b' }}>
        {t('appName')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('appSubtitle')}
      </Typography.Text>
    </div>
  );
  const unitTags = units.map((g) => (
    <Tag key={g.unitId} title={g.areaName ? `${g.areaName} ${g.areaCode}` : g.areaCode} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {g.unitName}
      {g.areaName && !g.unitName.startsWith(g.areaName) ? ` · ${g.areaName}` : ''}
    </Tag>
  ));
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      data-testid="main-menu"
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <NoticeFeedProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {wide ? (
          <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}>
            {brand}
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} styles={{ body: { padding: 0 } }} title={null} closable={false}>
            {brand}
            <div style={{ padding: '0 16px 8px' }}>
              <Space wrap size={4}>{unitTags}</Space>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
                {roles}
              </Typography.Text>
            </div>
            {menu}
          </Drawer>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header style={{ background: '#fff', padding: '0 12px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', height: 'auto', minHeight: 56 }}>
            {!wide && <Button type="text" icon={<MenuOutlined />} aria-label="menu" data-testid="menu-button" onClick={() => setDrawerOpen(true)} />}
            <div style={{ flex: 1, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}>{wide && <Space size={4}>{unitTags}</Space>}</div>
            <Typography.Text strong data-testid="current-user" ellipsis style={{ maxWidth: 120 }}>
              {me.displayName}
            </Typography.Text>
            {wide && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roles}
              </Typography.Text>
            )}
            {hasRole(me, ...FIELD_ROLES) && (
              <Suspense fallback={null}>
                <OfflineBadge />
              </Suspense>
            )}
            <NoticeBell />
            <LanguageSwitch />
            <Button size="small" onClick={() => signOut()} data-testid="sign-out">
              {t('signOut')}
            </Button>
          </Layout.Header>
          <Layout.Content style={{ padding: wide ? 16 : 8, minWidth: 0 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </NoticeFeedProvider>
  );
}
