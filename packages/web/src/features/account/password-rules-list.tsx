import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useT } from '../../i18n';
import { PASSWORD_POLICY, countCharacterClasses, passwordLength } from './password-policy';

/** The password policy as a checklist that ticks itself as the user types. */
export function PasswordRulesList({ password }: { password: string }) {
  const t = useT();
  const rules = [
    {
      text: t('password.ruleLength', { min: PASSWORD_POLICY.minLength }),
      met: passwordLength(password) >= PASSWORD_POLICY.minLength,
    },
    { text: t('password.ruleClasses'), met: countCharacterClasses(password) >= PASSWORD_POLICY.minClasses },
    { text: t('password.ruleHistory', { count: PASSWORD_POLICY.historyCount }), met: undefined },
  ];
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }} data-testid="password-policy">
      <Typography.Text strong>{t('password.policyTitle')}</Typography.Text>
      {rules.map((rule) => (
        <Typography.Text key={rule.text} type={rule.met ? 'success' : 'secondary'}>
          {rule.met ? <CheckCircleFilled /> : <MinusCircleOutlined />} {rule.text}
        </Typography.Text>
      ))}
    </Flex>
  );
}
