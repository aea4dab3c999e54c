import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { changePassword } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useMe } from '../auth/use-me';
import { errorText } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { newPasswordRules } from './password-policy';
import { PasswordRulesList } from './password-rules-list';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changes the signed-in user's password, applying the same rules as the server. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { ok } = useNotify();
  const { data: me } = useMe();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const mutation = useMutation({
    mutationFn: (values: Values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      ok(t('password.changed'));
      form.resetFields();
      onChanged();
    },
    onError: (error) => {
      // Wrong current password and policy failures belong beside their fields.
      const field = error instanceof ApiError && error.field === 'currentPassword' ? 'currentPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [errorText(t, error)] }]);
    },
  });
  return (
    <Form<Values>
      name="change-password"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => mutation.mutate(v)}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={newPasswordRules(t, me?.username)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRulesList password={newPassword} />
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: async (_rule, value) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
