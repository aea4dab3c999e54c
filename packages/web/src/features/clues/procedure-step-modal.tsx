import type { Requirement } from '@qingfeng/core';
import { Alert, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { AttachmentInput, type Attachment } from './attachment-input';

export type StepValues = Record<string, unknown> & { reason?: string; attachments?: Attachment[] };

/** What the server says when the procedure refuses: the core's reason in the reader's language. */
function refusalText(error: unknown, lang: 'zh' | 'en', fallback: string): string {
  const reason = error instanceof ApiError ? (error.body.reason as { zh: string; en: string } | undefined) : undefined;
  return reason ? reason[lang] : fallback;
}

/**
 * The form of one step of a clue or a case: the step's own fields, a reason and
 * attachments (required where the core's rule says so). A refusal shows the core's reason
 * inside the form. `send` takes the payload and settles when the server has answered.
 */
export function ProcedureStepModal({
  title,
  requires,
  fields,
  initialValues = {},
  pending,
  send,
  onClose,
}: {
  title: string;
  requires: readonly Requirement[];
  fields: ReactNode;
  initialValues?: StepValues;
  pending: boolean;
  send: (payload: Record<string, unknown>, done: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<StepValues>();
  const [refusal, setRefusal] = useState<string>();

  const submit = ({ reason, attachments, ...values }: StepValues) => {
    setRefusal(undefined);
    const payload: Record<string, unknown> = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
    if (reason?.trim()) payload.reason = reason.trim();
    if (attachments?.length) payload.attachments = attachments;
    send(payload, {
      onSuccess: onClose,
      onError: (error) => setRefusal(refusalText(error, lang, errorText(t, error))),
    });
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'step-submit' }}
    >
      <Form<StepValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="step-form"
        initialValues={initialValues}
      >
        {fields}
        <Form.Item
          name="reason"
          label={t('clues.step.reason')}
          rules={[{ required: requires.includes('reason'), whitespace: true, max: 5000 }]}
        >
          <Input.TextArea rows={3} data-testid="step-reason" />
        </Form.Item>
        <Form.Item
          name="attachments"
          label={t('clues.step.attachments')}
          rules={[
            {
              required: requires.includes('attachments'),
              type: 'array',
              min: requires.includes('attachments') ? 1 : 0,
            },
          ]}
        >
          <AttachmentInput />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="step-refusal" />}
      </Form>
    </Modal>
  );
}
