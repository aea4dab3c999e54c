import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { type SignInResult, verifyTotp } from '../../api/auth';
import { ApiError } from '../../api/client';
import { type Translate, useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';

/**
 * The error of the second step. Only here may the server say the account is locked (and
 * until when): whoever reached this step has already given the right password.
 */
function totpErrorText(t: Translate, lang: string, error: unknown): string {
  if (error instanceof ApiError && error.code === 'account_locked' && typeof error.body.lockedUntil === 'string') {
    const time = new Date(error.body.lockedUntil).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
    return t('signIn.lockedUntil', { time });
  }
  return errorText(t, error);
}

/** The second sign-in step: a code from the authenticator, or one of the recovery codes. */
export function TotpStep({ onDone, onBack }: { onDone: (result: SignInResult) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [useRecovery, setUseRecovery] = useState(false);
  const mutation = useMutation({
    mutationFn: (value: string) =>
      verifyTotp(useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') }),
    onSuccess: onDone,
  });
  return (
    <Form<{ value: string }>
      key={String(useRecovery)}
      layout="vertical"
      requiredMark={false}
      onFinish={({ value }) => mutation.mutate(value)}
    >
      {!useRecovery && <Typography.Paragraph type="secondary">{t('signIn.totpHint')}</Typography.Paragraph>}
      {mutation.error && (
        <Alert type="error" showIcon title={totpErrorText(t, lang, mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="value"
        label={useRecovery ? t('signIn.recoveryCode') : t('signIn.totpCode')}
        rules={
          useRecovery
            ? [{ required: true, whitespace: true, message: t('common.required', { field: t('signIn.recoveryCode') }) }]
            : [{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('totp.codeRule') }]
        }
      >
        <Input autoFocus autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
        {t('signIn.verify')}
      </Button>
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button type="link" onClick={onBack} style={{ padding: 0 }}>
          {t('signIn.back')}
        </Button>
        <Button type="link" onClick={() => setUseRecovery(!useRecovery)} style={{ padding: 0 }}>
          {useRecovery ? t('signIn.useTotp') : t('signIn.useRecovery')}
        </Button>
      </Flex>
    </Form>
  );
}
