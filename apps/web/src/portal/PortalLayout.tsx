import { NavLink, Outlet } from 'react-router';
import { useLocale, useT } from '../i18n/i18n';
import { languageSwitchMessages } from '../shared/language-switch.messages';
import { portalMessages } from './portal.messages';

/** Outline icons of the tab bar (home, pen, magnifier, board), drawn inline: no icon library on the first page. */
const ICONS = {
  home: 'M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z',
  submit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  track: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5L21 21',
  board: 'M4 4h16v16H4zM8 9h8M8 13h8M8 17h5',
} as const;
export function TabIcon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={ICONS[name]} />
    </svg>
  );
}

const TABS = [
  { to: '/', icon: 'home', key: 'nav.home' },
  { to: '/submit', icon: 'submit', key: 'nav.submit' },
  { to: '/track', icon: 'track', key: 'nav.track' },
  { to: '/board', icon: 'board', key: 'nav.board' },
] as const;

/** While a page's code arrives: plain text (Ant Design's spinner may not be loaded yet). */
export function PlainLoading() {
  const t = useT(portalMessages);
  return (
    <div style={{ padding: 48, textAlign: 'center', color: '#595959' }} role="status">
      {t('loading')}
    </div>
  );
}

/** 中文 ⇄ English, as a plain button on the red header. */
function LanguageButton() {
  const { locale, setLocale } = useLocale();
  const t = useT(languageSwitchMessages);
  return (
    <button
      type="button"
      data-testid="language-switch"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
      style={{ background: 'none', border: '1px solid rgba(255,255,255,0.6)', borderRadius: 6, color: '#fff', padding: '2px 10px', fontSize: 14, cursor: 'pointer' }}
    >
      {t('language')}
    </button>
  );
}

/** A phone-first frame: a slim header and a bottom tab bar within thumb reach. No Ant Design here. */
export function PortalLayout() {
  const t = useT(portalMessages);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', minHeight: '100vh', background: '#f7f7f7', paddingBottom: 72, fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', fontSize: 15, color: 'rgba(0,0,0,0.88)' }}>
      <header style={{ background: '#c0392b', color: '#fff', padding: '12px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <strong style={{ color: '#fff', fontSize: 17 }}>{t('brand')}</strong>
        <LanguageButton />
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
            style={({ isActive }) => ({ flex: 1, maxWidth: 160, textAlign: 'center', padding: '8px 0', color: isActive ? '#c0392b' : '#595959', fontSize: 12, textDecoration: 'none' })}
          >
            <div style={{ height: 22 }}>
              <TabIcon name={tab.icon} />
            </div>
            {t(tab.key)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
