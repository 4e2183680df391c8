import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { sv } from './sv';
import { en } from './en';

export type MessageKey = keyof typeof sv;
export type Dictionary = Record<MessageKey, string>;
export type Lang = 'sv' | 'en';
export const dictionaries: Record<Lang, Dictionary> = { sv, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, params) => format(dict[key] ?? key, params);
}

const LANG_KEY = 'behorig.lang';
function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'sv' || saved === 'en') return saved;
  } catch { /* storage unavailable */ }
  return 'sv';
}

interface I18n { lang: Lang; setLang: (l: Lang) => void; t: Translate }
const I18nContext = createContext<I18n>({ lang: 'sv', setLang: () => {}, t: translator('sv') });

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try { localStorage.setItem(LANG_KEY, l); } catch { /* ignore */ }
  }, []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
export function useT(): Translate {
  return useContext(I18nContext).t;
}
