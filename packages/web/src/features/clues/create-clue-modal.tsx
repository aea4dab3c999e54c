import { CLUE_SOURCES, CLUE_SOURCE_LABELS, type ClueSource, normaliseIdNumber } from '@qingfeng/core';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { NewClue } from '../../api/clues';
import { useI18n } from '../../i18n';
import { showFieldError } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { useCreateClue, useProblemTypes } from './use-clues';
import { WarningSubjectPicks } from './warning-subject-picks';

interface Values {
  source: ClueSource;
  problemType: string;
  title: string;
  summary: string;
  divisionCode?: string;
  subjects?: { kind: 'official' | 'unit'; name: string; position?: string; idNumber?: string; creditCode?: string }[];
  /** The warnings' people the handler confirmed, as `warningId:subjectKey`. */
  picks?: string[];
}

/**
 * Receives a clue: from scratch (the source and division asked for), or from confirmed
 * warnings (source and division theirs). Opens the new clue once the server has it.
 */
export function CreateClueModal({ warningIds, onClose }: { warningIds?: number[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { fail } = useNotify();
  const create = useCreateClue();
  const problemTypes = useProblemTypes();
  const fromWarnings = (warningIds?.length ?? 0) > 0;

  const submit = ({ picks, ...values }: Values) => {
    const clue: NewClue = {
      ...values,
      source: fromWarnings ? 'model_warning' : values.source,
      subjects: (values.subjects ?? []).map((s) => ({
        kind: s.kind,
        name: s.name,
        ...(s.position ? { position: s.position } : {}),
        ...(s.kind === 'official' && s.idNumber ? { idNumber: s.idNumber.toUpperCase() } : {}),
        ...(s.kind === 'unit' && s.creditCode?.trim() ? { creditCode: s.creditCode.trim() } : {}),
      })),
      ...(fromWarnings ? { warningIds } : {}),
      ...(picks?.length
        ? {
            warningSubjects: picks.map((p) => {
              const [warningId, subjectKey] = p.split(':').map(Number);
              return { warningId: warningId!, subjectKey: subjectKey! };
            }),
          }
        : {}),
    };
    // Awaited here rather than in mutate's callbacks: refreshing the warning's clue
    // replaces the button that opened this form, and a callback dies with the form.
    create.mutateAsync(clue).then(
      (detail) => void navigate(`/clues/${detail.id}`),
      (error: unknown) => {
        if (!showFieldError(form, t, error)) fail(error);
      },
    );
  };

  return (
    <Modal
      open
      title={fromWarnings ? t('clues.fromWarnings', { count: warningIds?.length ?? 0 }) : t('clues.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      width={640}
      okButtonProps={{ 'data-testid': 'create-clue-submit' }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="create-clue-form">
        {!fromWarnings && (
          <Form.Item name="source" label={t('clues.source')} rules={[{ required: true }]}>
            <Select
              options={CLUE_SOURCES.filter((s) => s !== 'model_warning').map((s) => ({
                value: s,
                label: CLUE_SOURCE_LABELS[s][lang],
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="problemType" label={t('clues.problemType')} rules={[{ required: true }]}>
          <Select
            data-testid="problem-type"
            options={(problemTypes.data?.items ?? []).map((p) => ({ value: p.code, label: p.label[lang] }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('clues.titleField')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="clue-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('clues.summary')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} data-testid="clue-summary" />
        </Form.Item>
        {!fromWarnings && (
          <Form.Item
            name="divisionCode"
            label={t('clues.division')}
            rules={[{ required: true, pattern: /^\d{12}$/, message: t('clues.divisionHint') }]}
          >
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
        )}
        {fromWarnings && <WarningSubjectPicks warningIds={warningIds ?? []} />}
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'kind']} initialValue="official" rules={[{ required: true }]}>
                    <Select
                      style={{ width: 110 }}
                      options={[
                        { value: 'official', label: t('clues.subject.official') },
                        { value: 'unit', label: t('clues.subject.unit') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, max: 100 }]}>
                    <Input placeholder={t('clues.subject.name')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} rules={[{ max: 200 }]}>
                    <Input placeholder={t('clues.subject.position')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      // A person is known by an identity number, a unit by its credit code: duplicates are found by them.
                      getFieldValue(['subjects', field.name, 'kind']) === 'unit' ? (
                        <Form.Item name={[field.name, 'creditCode']} rules={[{ max: 40 }]}>
                          <Input placeholder={t('clues.subject.creditCode')} style={{ width: 190 }} maxLength={40} />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[field.name, 'idNumber']}
                          rules={[
                            { pattern: /^\d{17}[\dXx]$/, message: t('clues.subject.idNumberHint') },
                            {
                              // The server checks GB 11643 too; saying so here spares a round trip.
                              validator: (_rule, value?: string) => {
                                if (!value || !/^\d{17}[\dXx]$/.test(value)) return Promise.resolve();
                                const checked = normaliseIdNumber(value);
                                return checked.ok ? Promise.resolve() : Promise.reject(new Error(checked.reason[lang]));
                              },
                            },
                          ]}
                        >
                          <Input placeholder={t('clues.subject.idNumber')} style={{ width: 190 }} maxLength={18} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('clues.subject.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>{t('clues.subject.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
