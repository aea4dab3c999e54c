import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useNavigate } from 'react-router';
import { ME_KEY } from '../../app/query-client';
import { useT } from '../../i18n';
import { ChangePasswordForm } from '../account/change-password-form';
import { CenteredCard } from './centered-card';

/** Shown instead of the console until a temporary or expired password is changed. */
export function ChangePasswordPage() {
  const t = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <CenteredCard title={t('password.title')} width={480}>
      <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        onChanged={() => {
          void client.invalidateQueries({ queryKey: ME_KEY }).then(() => navigate('/', { replace: true }));
        }}
      />
    </CenteredCard>
  );
}
