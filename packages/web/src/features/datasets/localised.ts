import type { Localised } from '../../api/datasets';
import { useI18n } from '../../i18n';

/** Picks the current language's side of a catalogue text. */
export function useLocalised(): (text: Localised) => string {
  const { lang } = useI18n();
  return (text) => text[lang];
}

/** Formats a timestamp for the current language, or a dash. */
export function useDateTime(): (at: string | null) => string {
  const { lang } = useI18n();
  return (at) => (at ? new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '—');
}
