import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Modal, Tag } from 'antd';
import { useState } from 'react';
import { disableTotp, regenerateRecoveryCodes } from '../../api/auth';
import { ME_KEY } from '../../app/query-client';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useSignedInUser } from '../auth/use-me';
import { PasswordPromptModal } from './password-prompt-modal';
import { RecoveryCodesView } from './recovery-codes-view';
import { TotpEnrol } from './totp-enrol';

type Dialog = 'enable' | 'disable' | 'regenerate' | null;

/** Two-step verification: its state, and turning it on or off or renewing recovery codes. */
export function TotpCard() {
  const me = useSignedInUser();
  const t = useT();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ME_KEY });

  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: async () => {
      setDialog(null);
      ok(t('totp.disabledDone'));
      await refresh();
    },
    onError: fail,
  });
  const regenerate = useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: (result) => {
      setDialog(null);
      setCodes(result.recoveryCodes);
    },
    onError: fail,
  });

  return (
    <Card
      title={t('account.totp')}
      extra={
        <Tag color={me.totpEnabled ? 'green' : 'default'}>
          {me.totpEnabled ? t('totp.enabled') : t('totp.disabled')}
        </Tag>
      }
    >
      <Flex gap={8} wrap>
        {!me.totpEnabled && (
          <Button type="primary" onClick={() => setDialog('enable')}>
            {t('totp.enable')}
          </Button>
        )}
        {me.totpEnabled && <Button onClick={() => setDialog('regenerate')}>{t('totp.regenerate')}</Button>}
        {me.totpEnabled && (
          <Button danger onClick={() => setDialog('disable')}>
            {t('totp.disable')}
          </Button>
        )}
      </Flex>
      <Modal
        open={dialog === 'enable'}
        title={t('totp.enable')}
        footer={null}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <TotpEnrol
          required={false}
          onFinished={() => {
            setDialog(null);
            ok(t('totp.enabledDone'));
            void refresh();
          }}
        />
      </Modal>
      <PasswordPromptModal
        open={dialog === 'disable' || dialog === 'regenerate'}
        title={dialog === 'disable' ? t('totp.disable') : t('totp.regenerate')}
        loading={disable.isPending || regenerate.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(password) => (dialog === 'disable' ? disable.mutate(password) : regenerate.mutate(password))}
      />
      <Modal
        open={codes !== null}
        title={t('totp.recoveryTitle')}
        onCancel={() => setCodes(null)}
        footer={
          <Button type="primary" onClick={() => setCodes(null)}>
            {t('totp.recoverySaved')}
          </Button>
        }
      >
        {codes && <RecoveryCodesView codes={codes} />}
      </Modal>
    </Card>
  );
}
