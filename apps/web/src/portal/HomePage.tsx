import { CalendarOutlined, NotificationOutlined, EditOutlined, FileSearchOutlined, PhoneOutlined, ReadOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalMessages } from './portal.messages';
import { portalBulletinsMessages } from './bulletins.messages';
// — service centre —
import { AuditOutlined, FlagOutlined } from '@ant-design/icons';
import { portalServicesMessages } from './services/services.messages';

function Entry({ to, icon, title, hint }: { to: string; icon: ReactNode; title: string; hint: string }) {
  return (
    <Link to={to}>
      <Card hoverable size="small" style={{ marginBottom: 10 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <div style={{ fontSize: 26, color: '#c0392b' }}>{icon}</div>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <div style={{ color: '#888', fontSize: 13 }}>{hint}</div>
          </div>
        </div>
      </Card>
    </Link>
  );
}

/** The landing page a QR code or SMS link opens. */
export default function HomePage() {
  const t = useT(portalMessages);
  const tb = useT(portalBulletinsMessages);
  const ts = useT(portalServicesMessages); // — service centre —
  const { data: config } = useApi('GET /api/config');
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '8px 0 16px' }}>
        {t('tagline')}
      </Typography.Paragraph>
      <Entry to="/submit" icon={<EditOutlined />} title={t('nav.submit')} hint={t('homeSubmitHint')} />
      <Entry to="/track" icon={<FileSearchOutlined />} title={t('nav.track')} hint={t('homeTrackHint')} />
      <Entry to="/board" icon={<ReadOutlined />} title={t('nav.board')} hint={t('homeBoardHint')} />
      <Entry to="/policies" icon={<SolutionOutlined />} title={t('nav.policies')} hint={t('homePoliciesHint')} />
      <Entry to="/reception" icon={<CalendarOutlined />} title={t('nav.reception')} hint={t('homeReceptionHint')} />
      <Entry to="/bulletins" icon={<NotificationOutlined />} title={tb('nav')} hint={tb('hint')} />
      {/* — service centre — */}
      <Entry to="/services" icon={<AuditOutlined />} title={ts('nav')} hint={ts('hint')} />
      <Entry to="/publicity" icon={<FlagOutlined />} title={ts('publicityNav')} hint={ts('publicityHint')} />
      {config && (
        <Card size="small" style={{ textAlign: 'center' }}>
          <PhoneOutlined /> {t('hotline')}{' '}
          <a href={`tel:${config.hotline}`} style={{ fontSize: 18, fontWeight: 600 }}>
            {config.hotline}
          </a>
        </Card>
      )}
    </>
  );
}
