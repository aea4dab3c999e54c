import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ME_KEY } from '../../app/query-client';
import { useT } from '../../i18n';
import { TotpEnrol } from '../account/totp-enrol';
import { CenteredCard } from './centered-card';

/** Shown instead of the console until a user whose role requires TOTP has bound one. */
export function EnrolTotpPage() {
  const t = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <CenteredCard title={t('totp.enrolTitle')} width={520}>
      <TotpEnrol
        required
        onFinished={() => {
          void client.invalidateQueries({ queryKey: ME_KEY }).then(() => navigate('/', { replace: true }));
        }}
      />
    </CenteredCard>
  );
}
