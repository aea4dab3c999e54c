import { ROLE_LABELS, type Permission, isRole } from '@qingfeng/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import type { Lang, MessageKey, Messages } from './messages';
import { zh } from './zh';

const DICTIONARIES: Record<Lang, Messages> = { zh, en };
const STORAGE_KEY = 'qf.lang';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  roleLabel: (role: string | null | undefined) => string;
  permissionLabel: (permission: Permission) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // Storage can be blocked; Chinese is the default.
  }
}

/** Provides the current language, remembered in localStorage; Chinese by default. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but the switch still applies to this page.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = DICTIONARIES[lang]['app.name'];
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[lang];
    const t: Translate = (key, values) => {
      const text = dictionary[key];
      if (!values) return text;
      return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
    };
    return {
      lang,
      setLang,
      t,
      roleLabel: (role) => (role && isRole(role) ? ROLE_LABELS[role][lang] : (role ?? '')),
      permissionLabel: (permission) => dictionary[`perm.${permission}`],
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language, its switch, and label helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
