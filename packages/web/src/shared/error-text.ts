import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { MessageKey, Translate } from '../i18n';
import { zh } from '../i18n/zh';

function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

/** A sentence for the user: the translated error code when we know it, else the server's words. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return t(key, { message: error.message });
    return t('error.generic', { message: error.message });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Shows a validation error from the server beside the form field it names. Returns false
 * when the error names no field of the form, so the caller shows it another way.
 */
export function showFieldError(form: FormInstance, t: Translate, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.field) return false;
  const field = error.field;
  if (form.getFieldInstance(field) === undefined && !(field in form.getFieldsValue(true))) return false;
  form.setFields([{ name: field, errors: [error.code === 'validation_failed' ? error.message : errorText(t, error)] }]);
  return true;
}
