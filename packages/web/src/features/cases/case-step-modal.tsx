import {
  CASE_MACHINE,
  GOVERNMENT_SANCTIONS,
  GOVERNMENT_SANCTION_LABELS,
  MEASURE_KINDS,
  MEASURE_LABELS,
  PARTY_SANCTIONS,
  PARTY_SANCTION_LABELS,
  type CaseAction,
} from '@qingfeng/core';
import { Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import type { CaseDetail } from '../../api/cases';
import { useI18n } from '../../i18n';
import { ProcedureStepModal } from '../clues/procedure-step-modal';
import { useCaseStaff, useTakeCaseStep } from './use-cases';

/** Which measures a measure step may name: those in the status it acts on. */
const MEASURE_STATUS: Partial<Record<CaseAction, string>> = {
  approve_measure: 'awaiting_approval',
  reject_measure: 'awaiting_approval',
  lift_measure: 'in_force',
};

function StaffField({ name, label, role }: { name: string; label: string; role: string }) {
  const staff = useCaseStaff(true);
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'array', min: 2 }]}>
      <Select
        mode="multiple"
        data-testid={`step-${name}`}
        optionFilterProp="label"
        options={(staff.data?.items ?? []).filter((s) => s.role === role).map((s) => ({ value: s.id, label: s.name }))}
      />
    </Form.Item>
  );
}

/** Each person's disposition: a party and a government sanction, or transfer to the procuratorate. */
function DispositionFields({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  return (
    <Form.List name="dispositions">
      {(rows) =>
        rows.map((row) => (
          <Flex key={row.key} vertical gap={4} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{c.subjects[row.name]?.name}</Typography.Text>
            {/* Registered so the subject's id goes with the row's choices. */}
            <Form.Item name={[row.name, 'subjectId']} hidden>
              <Input />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name={[row.name, 'party']} noStyle>
                <Select
                  allowClear
                  placeholder={t('cases.step.party')}
                  style={{ minWidth: 160 }}
                  data-testid="step-party"
                  options={PARTY_SANCTIONS.map((s) => ({ value: s, label: PARTY_SANCTION_LABELS[s][lang] }))}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'government']} noStyle>
                <Select
                  allowClear
                  placeholder={t('cases.step.government')}
                  style={{ minWidth: 160 }}
                  options={GOVERNMENT_SANCTIONS.map((s) => ({ value: s, label: GOVERNMENT_SANCTION_LABELS[s][lang] }))}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'transferToProcuratorate']} valuePropName="checked" noStyle>
                <Checkbox>{t('cases.step.transfer')}</Checkbox>
              </Form.Item>
            </Flex>
          </Flex>
        ))
      }
    </Form.List>
  );
}

/** The fields one case step asks for besides its reason and attachments. */
function CaseStepFields({ c, action }: { c: CaseDetail; action: CaseAction }) {
  const { t, lang } = useI18n();
  const status = MEASURE_STATUS[action];
  if (action === 'approve_filing')
    return <StaffField name="investigatorIds" label={t('cases.step.investigators')} role="investigation" />;
  if (action === 'accept_for_trial')
    return <StaffField name="reviewerIds" label={t('cases.step.reviewers')} role="trial" />;
  if (action === 'propose_measure')
    return (
      <Form.Item name="kind" label={t('cases.step.measureKind')} rules={[{ required: true }]}>
        <Select
          data-testid="step-measure-kind"
          options={MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_LABELS[k][lang] }))}
        />
      </Form.Item>
    );
  if (status)
    return (
      <Form.Item name="measureId" label={t('cases.step.measure')} rules={[{ required: true }]}>
        <Select
          data-testid="step-measure"
          options={c.measures
            .filter((m) => m.status === status)
            .map((m) => ({ value: m.id, label: `${m.id} · ${m.kindLabel[lang]}` }))}
        />
      </Form.Item>
    );
  if (action === 'conclude_trial') return <DispositionFields c={c} />;
  return null;
}

/** The form of one case step, offering only what the server said the user may take. */
export function CaseStepModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { lang } = useI18n();
  const step = useTakeCaseStep(c.id);
  const initialValues =
    action === 'conclude_trial' ? { dispositions: c.subjects.map((s) => ({ subjectId: s.id })) } : {};
  return (
    <ProcedureStepModal
      title={c.allowedActions.find((a) => a.action === action)?.label[lang] ?? action}
      requires={CASE_MACHINE.rules[action].requires}
      fields={<CaseStepFields c={c} action={action} />}
      initialValues={initialValues}
      pending={step.isPending}
      send={(payload, done) => {
        const dispositions = payload.dispositions as Record<string, unknown>[] | undefined;
        // A person's row left empty is no disposition; unchecked boxes are left out.
        const cleaned = dispositions?.map((d) =>
          Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== null && v !== false)),
        );
        step.mutate({ action, payload: cleaned ? { ...payload, dispositions: cleaned } : payload }, done);
      }}
      onClose={onClose}
    />
  );
}
