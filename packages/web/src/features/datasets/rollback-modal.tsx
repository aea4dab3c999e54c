import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { type Batch, rollbackBatch } from '../../api/datasets';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { BATCHES_KEY, DATASETS_KEY } from './use-datasets';

/** Asks why, then deletes the batch's rows from the lake; the reason goes to the audit trail. */
export function RollbackModal({ batch, open, onClose }: { batch: Batch; open: boolean; onClose: () => void }) {
  const t = useT();
  const { ok, fail } = useNotify();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string) => rollbackBatch(batch.id, reason),
    onSuccess: async (updated) => {
      client.setQueryData([...BATCHES_KEY, batch.id], updated);
      await Promise.all([
        client.invalidateQueries({ queryKey: BATCHES_KEY }),
        client.invalidateQueries({ queryKey: DATASETS_KEY }),
      ]);
      ok(t('datasets.rollback.done', { id: batch.id }));
      onClose();
    },
    onError: fail,
  });

  return (
    <Modal
      open={open}
      title={t('datasets.rollback.title', { id: batch.id })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('datasets.rollback.submit')}
      okButtonProps={{ danger: true }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('datasets.rollback.warning', { rows: batch.rowsLoaded })}
        style={{ marginBottom: 16 }}
      />
      <Form
        name={`rollback-${batch.id}`}
        form={form}
        layout="vertical"
        onFinish={({ reason }) => mutation.mutate(reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('datasets.rollback.reason')}
          extra={t('datasets.rollback.reasonHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('datasets.rollback.reason') }),
            },
            { min: 2, max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
