import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { SubjectInput } from '../../api/cases';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useAddCaseSubject } from './use-cases';

/** The server's reason for refusing (a subject already named, a closed case) in the reader's language. */
function refusalText(error: unknown, lang: 'zh' | 'en', fallback: string): string {
  const reason = error instanceof ApiError ? (error.body.reason as { zh: string; en: string } | undefined) : undefined;
  return reason ? reason[lang] : fallback;
}

/**
 * Adds a person (with their identity number, checked again by the server under GB 11643)
 * or a unit (with its credit code) to a case. A refusal shows the server's reason inside
 * the form; once added, the case is read again (the addition may recuse the reader).
 */
export function AddSubjectModal({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<SubjectInput>();
  const [error, setError] = useState<unknown>();
  const add = useAddCaseSubject(caseId);
  const kind = Form.useWatch('kind', form) ?? 'official';

  async function submit(values: SubjectInput) {
    setError(undefined);
    const trimmed = Object.fromEntries(
      Object.entries(values).flatMap(([k, v]) => (typeof v === 'string' && v.trim() !== '' ? [[k, v.trim()]] : [])),
    ) as unknown as SubjectInput;
    try {
      await add.mutateAsync({ ...trimmed, idNumber: trimmed.idNumber?.toUpperCase() });
      onClose();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Modal
      open
      title={t('cases.addSubject')}
      okText={t('cases.addSubject.ok')}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SubjectInput>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'official' }}
        onFinish={(values) => void submit(values)}
        data-testid="add-subject-form"
      >
        <Form.Item name="kind" label={t('cases.addSubject.kind')}>
          <Select
            options={[
              { value: 'official', label: t('clues.subject.official') },
              { value: 'unit', label: t('clues.subject.unit') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('clues.subject.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'unit' ? (
          <Form.Item name="creditCode" label={t('clues.subject.creditCode')}>
            <Input maxLength={40} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="position" label={t('clues.subject.position')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('clues.subject.idNumber')}
              rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('clues.subject.idNumberHint') }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </>
        )}
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            title={refusalText(error, lang, errorText(t, error))}
            data-testid="add-subject-error"
          />
        )}
      </Form>
    </Modal>
  );
}
