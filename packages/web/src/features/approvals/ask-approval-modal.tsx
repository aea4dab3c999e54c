import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { askApproval, type SensitiveKind } from '../../api/approvals';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

/**
 * Asks a second person to approve a sensitive query the server refused with
 * `approval_required`: the very query, and why. Closes once the request is sent.
 */
export function AskApprovalModal({
  kind,
  query,
  onClose,
}: {
  kind: SensitiveKind;
  /** The query as it will be run again; null keeps the dialog closed. */
  query: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const ask = useMutation({
    mutationFn: (reason: string) => askApproval(kind, query ?? '', reason),
    onSuccess: async () => {
      ok(t('approvals.asked'));
      await client.invalidateQueries({ queryKey: ['approvals'] });
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal
      open={query !== null}
      title={t('approvals.askTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('approvals.ask')}
      confirmLoading={ask.isPending}
      destroyOnHidden
    >
      <Form name="ask-approval" form={form} layout="vertical" onFinish={({ reason }) => ask.mutate(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('approvals.reason')}
          extra={t('approvals.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('approvals.reason') }) },
            { min: 2, max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="approval-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
