import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Image, Input, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useState } from 'react';
import { confirmTotp, setupTotp } from '../../api/auth';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { RecoveryCodesView } from './recovery-codes-view';

/**
 * Binds an authenticator: asks the server for a secret, draws its otpauth URL as a QR
 * code here in the browser (the secret never goes to a third-party service), confirms a
 * first code, then shows the recovery codes once. `required` says why: the sign-in's
 * enrolment page is shown because the role demands it; the account page's dialog is the
 * user's own choice and must not claim otherwise.
 */
export function TotpEnrol({ required, onFinished }: { required: boolean; onFinished: () => void }) {
  const t = useT();
  const [codes, setCodes] = useState<string[] | null>(null);
  // A query, not an effect, so a double render never asks for two different secrets.
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: async () => {
      const result = await setupTotp();
      const qr = await QRCode.toDataURL(result.otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 200 });
      return { ...result, qr };
    },
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: (result) => setCodes(result.recoveryCodes),
  });

  if (codes) {
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={5}>{t('totp.recoveryTitle')}</Typography.Title>
        <RecoveryCodesView codes={codes} />
        <Button type="primary" onClick={onFinished} style={{ alignSelf: 'flex-start' }}>
          {t('totp.recoverySaved')}
        </Button>
      </Flex>
    );
  }
  if (setup.isPending) return <Spin />;
  if (setup.error) return <Alert type="error" showIcon title={errorText(t, setup.error)} />;

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph data-testid="totp-reason">
        {t(required ? 'totp.enrolRequired' : 'totp.enrolVoluntary')} {t('totp.enrolHint')}
      </Typography.Paragraph>
      <Image
        src={setup.data.qr}
        alt={t('totp.enrolTitle')}
        width={200}
        height={200}
        preview={false}
        data-testid="totp-qr"
      />
      <Typography.Text>
        {t('totp.secret')}:{' '}
        <Typography.Text code copyable data-testid="totp-secret">
          {setup.data.secret}
        </Typography.Text>
      </Typography.Text>
      {confirm.error && <Alert type="error" showIcon title={errorText(t, confirm.error)} />}
      <Form<{ code: string }>
        name="totp-confirm"
        layout="inline"
        onFinish={({ code }) => confirm.mutate(code.trim())}
        requiredMark={false}
      >
        <Form.Item name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('totp.codeRule') }]}>
          <Input placeholder={t('totp.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending}>
          {t('totp.confirm')}
        </Button>
      </Form>
    </Flex>
  );
}
