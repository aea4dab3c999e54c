import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type User, revealPhone } from '../../api/users';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

/**
 * A masked phone number with a "view" action. Seeing the whole number asks for a reason,
 * which the server records in the audit trail; the number is kept only in this cell.
 */
export function PhoneCell({ user, canReveal }: { user: User; canReveal: boolean }) {
  const t = useT();
  const { fail } = useNotify();
  const [asking, setAsking] = useState(false);
  const [whole, setWhole] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string) => revealPhone(user.id, reason),
    onSuccess: (result) => {
      setWhole(result.phone);
      setAsking(false);
    },
    onError: fail,
  });
  if (!user.phone) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      <Typography.Text>{whole ?? user.phone}</Typography.Text>
      {!whole && canReveal && (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
          {t('users.viewPhone')}
        </Button>
      )}
      <Modal
        open={asking}
        title={t('users.viewPhoneTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Form
          name={`phone-reason-${user.id}`}
          form={form}
          layout="vertical"
          onFinish={({ reason }) => mutation.mutate(reason.trim())}
        >
          <Form.Item
            name="reason"
            label={t('users.viewPhoneReason')}
            extra={t('users.viewPhoneReasonHint')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('users.viewPhoneReason') }),
              },
              { min: 2, max: 500 },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
