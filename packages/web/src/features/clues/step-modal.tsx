import {
  CLUE_DISPOSALS,
  CLUE_DISPOSAL_LABELS,
  CLUE_MACHINE,
  FIRST_FORM_OUTCOMES,
  FIRST_FORM_OUTCOME_LABELS,
  INQUIRY_CONCLUSIONS,
  INQUIRY_CONCLUSION_LABELS,
  VERIFICATION_RECOMMENDATIONS,
  VERIFICATION_RECOMMENDATION_LABELS,
  type ClueAction,
} from '@qingfeng/core';
import { Form, Input, InputNumber, Select } from 'antd';
import type { ClueDetail } from '../../api/clues';
import { useI18n } from '../../i18n';
import { useMe } from '../auth/use-me';
import { ProcedureStepModal } from './procedure-step-modal';
import { useParticipants, useTakeStep } from './use-clues';

/** The fields one step asks for besides its reason and attachments. */
function StepFields({ action }: { action: ClueAction }) {
  const { t, lang } = useI18n();
  const participants = useParticipants(action === 'propose_disposal');
  const options = <T extends string>(values: readonly T[], labels: Record<T, { zh: string; en: string }>) =>
    values.map((v) => ({ value: v, label: labels[v][lang] }));
  const disposal = Form.useWatch('disposal') as string | undefined;
  const conclusion = Form.useWatch('conclusion') as string | undefined;
  const recommendation = Form.useWatch('recommendation') as string | undefined;
  switch (action) {
    case 'merge_into':
      return (
        <Form.Item name="targetClueId" label={t('clues.step.targetClue')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'link_related':
      return (
        <Form.Item name="clueId" label={t('clues.step.relatedClue')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'propose_disposal':
      return (
        <>
          <Form.Item name="disposal" label={t('clues.step.disposal')} rules={[{ required: true }]}>
            <Select data-testid="step-disposal" options={options(CLUE_DISPOSALS, CLUE_DISPOSAL_LABELS)} />
          </Form.Item>
          {disposal === 'transfer' && (
            <Form.Item name="transferTo" label={t('clues.step.transferTo')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="participantIds" label={t('clues.step.participants')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              data-testid="step-participants"
              optionFilterProp="label"
              options={(participants.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </>
      );
    case 'record_inquiry_reply':
      return (
        <Form.Item name="reply" label={t('clues.step.reply')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'conclude_inquiry':
      return (
        <>
          <Form.Item name="conclusion" label={t('clues.step.conclusion')} rules={[{ required: true }]}>
            <Select options={options(INQUIRY_CONCLUSIONS, INQUIRY_CONCLUSION_LABELS)} />
          </Form.Item>
          {conclusion === 'first_form' && <FirstForm />}
        </>
      );
    case 'record_verification_work':
      return (
        <Form.Item name="summary" label={t('clues.step.workSummary')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'submit_verification_report':
      return (
        <>
          <Form.Item name="recommendation" label={t('clues.step.recommendation')} rules={[{ required: true }]}>
            <Select options={options(VERIFICATION_RECOMMENDATIONS, VERIFICATION_RECOMMENDATION_LABELS)} />
          </Form.Item>
          {recommendation === 'close' && <FirstForm optional />}
        </>
      );
    default:
      return null;
  }
}

function FirstForm({ optional = false }: { optional?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Form.Item name="firstForm" label={t('clues.step.firstForm')} rules={[{ required: !optional }]}>
      <Select
        allowClear={optional}
        options={FIRST_FORM_OUTCOMES.map((f) => ({ value: f, label: FIRST_FORM_OUTCOME_LABELS[f][lang] }))}
      />
    </Form.Item>
  );
}

/** The form of one clue step: its own fields in the shared step form. */
export function StepModal({ clue, action, onClose }: { clue: ClueDetail; action: ClueAction; onClose: () => void }) {
  const { lang } = useI18n();
  const me = useMe();
  const step = useTakeStep(clue.id);
  return (
    <ProcedureStepModal
      title={clue.allowedActions.find((a) => a.action === action)?.label[lang] ?? action}
      requires={CLUE_MACHINE.rules[action].requires}
      fields={<StepFields action={action} />}
      initialValues={action === 'propose_disposal' && me.data ? { participantIds: [me.data.id] } : {}}
      pending={step.isPending}
      send={(payload, done) => step.mutate({ action, payload }, done)}
      onClose={onClose}
    />
  );
}
