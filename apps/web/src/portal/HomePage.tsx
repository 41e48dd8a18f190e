import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalBulletinsMessages } from './bulletins.messages';
import { TabIcon } from './PortalLayout';
import { portalMessages } from './portal.messages';
import { surveyMessages } from './survey.messages'; // — evaluation —
import { portalProjectsMessages } from './projects/projects.messages'; // — projects —
import { consultMessages } from './consult/consult.messages'; // — consultations —
import { portalServicesMessages } from './services/services.messages'; // — service centre —

/** Small outline icons of the entries (inline: the first page loads no icon library). */
const PATHS = {
  policies: 'M5 4h10l4 4v12H5zM15 4v4h4M8 12h8M8 16h6',
  reception: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  bulletins: 'M4 10v4l11 5V5zM15 8h2a3 3 0 0 1 0 6h-2M6 14l1 5h3',
  awards: 'M8 4h8v5a4 4 0 0 1-8 0zM8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8 20h8',
  projects: 'M3 20h18M5 20V9l7-5 7 5v11M9 20v-6h6v6',
  consultations: 'M7 10a3 3 0 1 0 0-.01M17 10a3 3 0 1 0 0-.01M2 20a5 5 0 0 1 10 0M12 20a5 5 0 0 1 10 0',
  services: 'M4 4h16v4H4zM6 8v12h12V8M9 12h6M9 16h4',
  publicity: 'M5 21V4M5 4h12l-2 4 2 4H5',
  phone: 'M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
} as const;
function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}

const card = { background: '#fff', borderRadius: 8, border: '1px solid #f0f0f0', padding: 12, marginBottom: 10 } as const;

function Entry({ to, icon, title, hint }: { to: string; icon: ReactNode; title: string; hint: string }) {
  return (
    <Link to={to} style={{ ...card, display: 'flex', gap: 12, alignItems: 'center', textDecoration: 'none', color: 'inherit' }}>
      <div style={{ color: '#c0392b', lineHeight: 0 }}>{icon}</div>
      <div style={{ minWidth: 0 }}>
        <strong style={{ fontWeight: 600 }}>{title}</strong>
        <div style={{ color: '#595959', fontSize: 13 }}>{hint}</div>
      </div>
    </Link>
  );
}

/** The landing page a QR code or SMS link opens: plain markup, no Ant Design (the phone's first download). */
export default function HomePage() {
  const t = useT(portalMessages);
  const tb = useT(portalBulletinsMessages);
  const ts = useT(surveyMessages); // — evaluation —
  const tp = useT(portalProjectsMessages); // — projects —
  const tc = useT(consultMessages); // — consultations —
  const tsv = useT(portalServicesMessages); // — service centre —
  const { data: config } = useApi('GET /api/config');
  return (
    <>
      <p style={{ color: '#595959', textAlign: 'center', margin: '8px 0 16px' }}>{t('tagline')}</p>
      <Entry to="/submit" icon={<TabIcon name="submit" />} title={t('nav.submit')} hint={t('homeSubmitHint')} />
      <Entry to="/track" icon={<TabIcon name="track" />} title={t('nav.track')} hint={t('homeTrackHint')} />
      <Entry to="/board" icon={<TabIcon name="board" />} title={t('nav.board')} hint={t('homeBoardHint')} />
      <Entry to="/policies" icon={<Icon name="policies" />} title={t('nav.policies')} hint={t('homePoliciesHint')} />
      <Entry to="/reception" icon={<Icon name="reception" />} title={t('nav.reception')} hint={t('homeReceptionHint')} />
      <Entry to="/bulletins" icon={<Icon name="bulletins" />} title={tb('nav')} hint={tb('hint')} />
      {/* — evaluation — */}
      <Entry to="/awards" icon={<Icon name="awards" />} title={ts('awardsTitle')} hint={ts('awardsHint')} />
      {/* — projects — */}
      <Entry to="/projects" icon={<Icon name="projects" />} title={tp('nav')} hint={tp('hint')} />
      {/* — consultations — */}
      <Entry to="/consultations" icon={<Icon name="consultations" />} title={tc('nav')} hint={tc('hint')} />
      {/* — service centre — */}
      <Entry to="/services" icon={<Icon name="services" />} title={tsv('nav')} hint={tsv('hint')} />
      <Entry to="/publicity" icon={<Icon name="publicity" />} title={tsv('publicityNav')} hint={tsv('publicityHint')} />
      {config && (
        <div style={{ ...card, textAlign: 'center', display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 6 }}>
          <span style={{ lineHeight: 0 }}>
            <Icon name="phone" />
          </span>
          {t('hotline')}{' '}
          <a href={`tel:${config.hotline}`} style={{ fontSize: 18, fontWeight: 600, color: '#0958d9' }}>
            {config.hotline}
          </a>
        </div>
      )}
    </>
  );
}
