import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useSignedInUser } from '../auth/use-me';
import { ChangePasswordForm } from './change-password-form';
import { TotpCard } from './totp-card';

/** The signed-in user's own account: profile, password, two-step verification. */
export function AccountPage() {
  const me = useSignedInUser();
  const { t, roleLabel } = useI18n();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('users.username'), children: me.username },
                { key: 'name', label: t('users.displayName'), children: me.displayName },
                { key: 'role', label: t('users.role'), children: roleLabel(me.role) },
                { key: 'org', label: t('users.org'), children: me.orgName },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <TotpCard />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('password.title')}>
            <ChangePasswordForm onChanged={() => undefined} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
