import { Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageLoading } from '../../shared/PageState';
import { adminMessages } from './admin.messages';

const TABS = {
  areas: lazy(() => import('./AreasTab')),
  units: lazy(() => import('./UnitsTab')),
  users: lazy(() => import('./UsersTab')),
  categories: lazy(() => import('./CategoriesTab')),
  rules: lazy(() => import('./RulesTab')),
  calendar: lazy(() => import('./CalendarTab')),
  weights: lazy(() => import('./WeightsTab')),
  hardCases: lazy(() => import('./HardCaseRuleTab')),
  // — screens —
  mapLayers: lazy(() => import('./MapLayersTab')),
  // — several processes (issue 19) —
  jobs: lazy(() => import('./JobsTab')),
  // — suggestions —
  suggest: lazy(() => import('./SuggestTab')),
} as const;
type TabKey = keyof typeof TABS;
const isTab = (key: string | undefined): key is TabKey => !!key && key in TABS;

/** 系统管理: one tab per reference table, each at its own address (/admin/units …). */
export default function AdminPage() {
  const t = useT(adminMessages);
  const navigate = useNavigate();
  const rest = useParams()['*']?.split('/')[0];
  const active: TabKey = isTab(rest) ? rest : 'units';
  const Tab = TABS[active];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/admin/${key}`)}
        items={(Object.keys(TABS) as TabKey[]).map((key) => ({ key, label: t(`tab.${key}`) }))}
        data-testid="admin-tabs"
      />
      <Suspense fallback={<PageLoading />}>
        <Tab />
      </Suspense>
    </>
  );
}
