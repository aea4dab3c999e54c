import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReceiptReport } from '@qingfeng/core';
import type { MessageKey, Translate } from '../../i18n';
import { useT } from '../../i18n';
import type { ConsistencyOutcome, PublishedLog, Verification } from './verification';

export type StepStatus = 'passed' | 'failed' | 'skipped';
export interface ShownStep {
  key: 'receipt' | 'checkpoint' | 'signatures' | 'inclusion' | 'consistency';
  status: StepStatus;
  text: string;
}

const shortHash = (base64: string) => `${base64.slice(0, 12)}…`;

function keyNames(report: ReceiptReport, outcome: 'missing' | 'invalid'): string {
  return report.signatures
    .filter((s) => s.outcome === outcome)
    .map((s) => (s.key.algorithm === 'sm2' ? 'SM2' : 'Ed25519'))
    .join(', ');
}

/** Each step of a verification in words: what passed, what failed and why. */
export function describeSteps(t: Translate, verification: Verification, log: PublishedLog): ShownStep[] {
  if ('problem' in verification) {
    const { field, problem } = verification.problem;
    return [{ key: 'receipt', status: 'failed', text: t(`verify.problem.${problem}`, { field }) }];
  }
  const { report, receipt } = verification;
  const values = {
    origin: log.origin,
    size: receipt.treeSize,
    leaf: shortHash(report.leafHash),
    keys: '',
  };
  const steps: ShownStep[] = [{ key: 'receipt', status: 'passed', text: t('verify.passed.receipt') }];
  for (const step of report.steps) {
    if (step.status === 'skipped') steps.push({ key: step.step, status: 'skipped', text: t('verify.skipped') });
    else if (step.status === 'passed')
      steps.push({ key: step.step, status: 'passed', text: t(`verify.passed.${step.step}`, values) });
    else {
      const keys = step.failure === 'signature-invalid' ? keyNames(report, 'invalid') : keyNames(report, 'missing');
      const key: MessageKey = `verify.failure.${step.failure ?? 'root-mismatch'}`;
      steps.push({ key: step.step, status: 'failed', text: t(key, { ...values, keys }) });
    }
  }
  return steps;
}

/** The optional step against today's log, in words. */
export function describeConsistency(t: Translate, outcome: ConsistencyOutcome): ShownStep {
  switch (outcome.status) {
    case 'consistent':
      return { key: 'consistency', status: 'passed', text: t('verify.passed.consistency', { size: outcome.size }) };
    case 'rollback':
    case 'fork':
      return {
        key: 'consistency',
        status: 'failed',
        text: t(`verify.failure.${outcome.status}`, { size: outcome.size }),
      };
    case 'unsigned-today':
      return { key: 'consistency', status: 'failed', text: t('verify.failure.unsigned-today') };
    case 'unreachable':
      return {
        key: 'consistency',
        status: 'failed',
        text: t('verify.failure.unreachable', { reason: outcome.reason }),
      };
  }
}

const ICONS: Record<StepStatus, React.ReactNode> = {
  passed: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  failed: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  skipped: <MinusCircleOutlined style={{ color: '#8c8c8c' }} />,
};

/** The steps as a list: icon, step name and status, then the sentence that explains it. */
export function VerificationSteps({ steps }: { steps: ShownStep[] }) {
  const t = useT();
  return (
    <Flex vertical gap={12} data-testid="verification-steps">
      {steps.map((step) => (
        <Flex key={step.key} gap={10} align="flex-start" data-testid={`step-${step.key}`} data-status={step.status}>
          <span style={{ fontSize: 18, lineHeight: '22px' }}>{ICONS[step.status]}</span>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong>
              {t(`verify.step.${step.key}`)} · {t(`verify.status.${step.status}`)}
            </Typography.Text>
            <Typography.Text style={{ wordBreak: 'break-word' }}>{step.text}</Typography.Text>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
