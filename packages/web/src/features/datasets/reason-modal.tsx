import { Form, Input, Modal } from 'antd';
import { useT } from '../../i18n';

/** Asks why personal data is to be shown whole; the server records the reason in the audit trail. */
export function ReasonModal({
  open,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('datasets.rows.revealTitle')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form name="reveal-reason" form={form} layout="vertical" onFinish={({ reason }) => onConfirm(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('datasets.rows.reason')}
          extra={t('datasets.rows.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('datasets.rows.reason') }) },
            { min: 2, max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
