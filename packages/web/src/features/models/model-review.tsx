import { CheckOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type ModelDetail, previewStoredModel } from '../../api/models';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useDateTime } from '../datasets/localised';
import { useCan, useSignedInUser } from '../auth/use-me';
import { PreviewPanel } from './builder/preview-panel';
import { useModelActions } from './use-models';

/** The reason a draft goes back to its author, asked for in a dialog. */
function ReturnDialog({ model, onClose }: { model: ModelDetail; onClose: () => void }) {
  const t = useT();
  const { ok, fail } = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const { reject } = useModelActions(model.id);
  return (
    <Modal
      open
      title={t('models.review.returnTitle', { id: model.id })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('models.review.return')}
      okButtonProps={{ danger: true }}
      confirmLoading={reject.isPending}
      destroyOnHidden
    >
      <Form
        name={`return-${model.id}`}
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          reject.mutate(reason.trim(), {
            onSuccess: () => {
              ok(t('models.review.returnedOk', { id: model.id }));
              onClose();
            },
            onError: fail,
          })
        }
      >
        <Form.Item
          name="reason"
          label={t('models.review.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('models.review.reason') }) },
            { min: 2, max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the reviewer does with a draft: previews it in their jurisdiction, then approves or returns it. */
function ReviewActions({ model }: { model: ModelDetail }) {
  const t = useT();
  const { ok, fail } = useNotify();
  const { approve } = useModelActions(model.id);
  const [returning, setReturning] = useState(false);
  const preview = useMutation({ mutationFn: () => previewStoredModel(model.id), onError: fail });
  return (
    <>
      <Flex gap={8} wrap>
        <Button
          icon={<EyeOutlined />}
          loading={preview.isPending}
          onClick={() => preview.mutate()}
          data-testid="review-preview"
        >
          {t('models.review.preview')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={approve.isPending}
          data-testid="review-approve"
          onClick={() =>
            approve.mutate(undefined, {
              onSuccess: () => ok(t('models.review.approvedOk', { id: model.id })),
              onError: fail,
            })
          }
        >
          {t('models.review.approve')}
        </Button>
        <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="review-return">
          {t('models.review.return')}
        </Button>
      </Flex>
      {preview.data && (
        <div style={{ marginTop: 12 }}>
          <PreviewPanel result={preview.data} />
        </div>
      )}
      {returning && <ReturnDialog model={model} onClose={() => setReturning(false)} />}
    </>
  );
}

/**
 * A model under review: why it does not run yet, and, for a second person holding the
 * approving permission, its preview and the approve and return buttons. The server refuses
 * the author's own review whatever this shows.
 */
export function ModelReviewCard({ model }: { model: ModelDetail }) {
  const t = useT();
  const can = useCan();
  const me = useSignedInUser();
  const formatTime = useDateTime();
  if (model.reviewStatus === 'approved') return null;
  if (model.reviewStatus === 'returned') {
    const last = model.reviews.find((r) => r.step === 'returned');
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="review-returned"
        title={t('models.review.returnedBecause', {
          by: last?.by ?? '—',
          at: last ? formatTime(last.at) : '—',
          reason: last?.reason ?? '—',
        })}
        description={t('models.review.returnedHint')}
      />
    );
  }
  const own = model.submittedBy === me.id;
  return (
    <Card title={t('models.review.title')} style={{ marginBottom: 16 }} data-testid="review-card">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(own ? 'models.review.own' : 'models.review.awaiting')}
      />
      {can('model.approve') && !own && <ReviewActions model={model} />}
    </Card>
  );
}
