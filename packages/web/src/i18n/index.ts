export { I18nProvider, useI18n, useT, type Translate } from './i18n-provider';
export type { Lang, MessageKey, Messages } from './messages';
