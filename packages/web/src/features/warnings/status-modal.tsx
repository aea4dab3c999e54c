import { Form, Input, Modal, Typography } from 'antd';
import { REASON_REQUIRED, type WarningStatus } from '../../api/warnings';
import { useT } from '../../i18n';

/** Asks for the reason of a status change; the server requires one for false positive and not actionable. */
export function StatusModal({
  status,
  count,
  pending,
  onCancel,
  onConfirm,
}: {
  /** The status to set; the modal is open while it is defined. */
  status: WarningStatus | undefined;
  count: number;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string | undefined) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const required = status !== undefined && REASON_REQUIRED.has(status);
  return (
    <Modal
      open={status !== undefined}
      title={status ? t('warnings.changeTo', { status: t(`warnings.status.${status}`) }) : ''}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'status-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('warnings.changeCount', { count })}</Typography.Paragraph>
      <Form
        name="status-reason"
        form={form}
        layout="vertical"
        onFinish={({ reason }) => onConfirm(reason?.trim() || undefined)}
      >
        <Form.Item
          name="reason"
          label={t('warnings.reason')}
          rules={[
            { required, whitespace: true, message: t('common.required', { field: t('warnings.reason') }) },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
