import { Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageLoading } from '../../shared/PageState';
import { auditMessages } from './audit.messages';
import AuditLogTab from './AuditLogTab';

// The log, the tab that opens first, comes with the page (its request starts with the page, not
// after a second chunk); the outbox loads when opened.
const TABS = {
  log: AuditLogTab,
  outbox: lazy(() => import('./OutboxTab')),
} as const;
type TabKey = keyof typeof TABS;
const isTab = (key: string | undefined): key is TabKey => !!key && key in TABS;

/** 审计与短信 (`audit.read`): the audit log with its verification, and the SMS outbox. */
export default function AuditPage() {
  const t = useT(auditMessages);
  const navigate = useNavigate();
  const rest = useParams()['*']?.split('/')[0];
  const active: TabKey = isTab(rest) ? rest : 'log';
  const Tab = TABS[active];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Tabs activeKey={active} onChange={(key) => navigate(`/audit/${key}`)} items={(Object.keys(TABS) as TabKey[]).map((key) => ({ key, label: t(`tab.${key}`) }))} />
      <Suspense fallback={<PageLoading />}>
        <Tab />
      </Suspense>
    </Space>
  );
}
