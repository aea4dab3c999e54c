import { Form, Input, Modal } from 'antd';
import { useT } from '../../i18n';

/** Asks for the current password before a sensitive change. */
export function PasswordPromptModal(props: {
  open: boolean;
  title: string;
  loading: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      confirmLoading={props.loading}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form
        name="password-prompt"
        form={form}
        layout="vertical"
        onFinish={({ password }) => props.onSubmit(password)}
        requiredMark={false}
      >
        <Form.Item
          name="password"
          label={t('totp.passwordPrompt')}
          rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
