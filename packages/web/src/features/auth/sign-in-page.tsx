import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { type SignInResult, signIn } from '../../api/auth';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { CenteredCard } from './centered-card';
import { TotpStep } from './totp-step';
import { useMe, useSetMe } from './use-me';

interface Credentials {
  username: string;
  password: string;
}

/** Where to go after signing in: the page asked for, if it is one of ours. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const next = safeNext(params.get('next'));

  const finish = (result: SignInResult) => {
    if (result.status === 'totp_required') return setStep('totp');
    if (result.user) setMe(result.user);
    void navigate(next, { replace: true });
  };

  const mutation = useMutation({
    mutationFn: (values: Credentials) => signIn(values.username.trim(), values.password),
    onSuccess: finish,
  });

  if (me && step === 'password' && !mutation.isPending) return <Navigate to={next} replace />;

  // The password step never says an account is locked: a locked account answers like a
  // wrong password, so that the answer cannot tell which usernames exist.
  const errorMessage = mutation.error ? errorText(t, mutation.error) : null;

  if (step === 'totp') {
    return (
      <CenteredCard title={t('signIn.totpTitle')}>
        <TotpStep onDone={finish} onBack={() => setStep('password')} />
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title={t('signIn.title')}>
      <Form<Credentials> layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark={false}>
        {errorMessage && <Alert type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} role="alert" />}
        <Form.Item
          name="username"
          label={t('signIn.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('signIn.username') }) }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[{ required: true, message: t('common.required', { field: t('signIn.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('signIn.submit')}
        </Button>
      </Form>
      {/* The public verifier needs no account: say so where people without one arrive. */}
      <Link to="/verify" style={{ display: 'block', marginTop: 16, textAlign: 'center' }}>
        {t('verify.link')}
      </Link>
    </CenteredCard>
  );
}
