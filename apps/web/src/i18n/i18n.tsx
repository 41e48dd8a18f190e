import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'lx_locale';

/** A module's messages in both languages; TypeScript refuses an en-US set missing a zh-CN key. */
export type Messages<Z extends Record<string, string>> = Record<Locale, { [K in keyof Z]: string }>;
export function defineMessages<Z extends Record<string, string>>(zhCN: Z, enUS: { [K in keyof Z]: string }): Messages<Z> {
  return { 'zh-CN': zhCN, 'en-US': enUS };
}

/** Fills `{name}` placeholders. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

let currentLocale: Locale = readStoredLocale();
/** The locale the API client sends; kept in step with the provider. */
export const activeLocale = (): Locale => currentLocale;

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({ locale: 'zh-CN', setLocale: () => {} });

/** Holds the user's language (zh-CN by default), remembered in the browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(currentLocale);
  const setLocale = useCallback((next: Locale) => {
    currentLocale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** `const t = useT(messages); t('key', { n: 3 })` in the current language. */
export function useT<Z extends Record<string, string>>(messages: Messages<Z>) {
  const { locale } = useLocale();
  return useCallback((key: keyof Z & string, params?: Record<string, string | number>) => format(messages[locale][key] ?? String(key), params), [messages, locale]);
}
