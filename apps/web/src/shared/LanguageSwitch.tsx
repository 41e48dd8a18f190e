import { Button } from 'antd';
import { useT, useLocale } from '../i18n/i18n';
import { languageSwitchMessages } from './language-switch.messages';

/** Switches between 中文 and English; the label names the other language. */
export function LanguageSwitch({ onDark = false }: { /** On a coloured header: white text. */ onDark?: boolean } = {}) {
  const { locale, setLocale } = useLocale();
  const t = useT(languageSwitchMessages);
  return (
    <Button type="link" size="small" data-testid="language-switch" style={onDark ? { color: '#fff' } : undefined} onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}>
      {t('language')}
    </Button>
  );
}
