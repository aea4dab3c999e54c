import { App } from 'antd';
import { useCallback } from 'react';
import { useT } from '../i18n';
import { errorText } from './error-text';

/** Message helpers bound to the current language: `ok(text)` and `fail(error)`. */
export function useNotify() {
  const { message } = App.useApp();
  const t = useT();
  const ok = useCallback((text: string) => void message.success(text), [message]);
  const fail = useCallback((error: unknown) => void message.error(errorText(t, error)), [message, t]);
  return { ok, fail, message };
}
