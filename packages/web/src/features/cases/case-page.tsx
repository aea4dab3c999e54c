import type { CaseAction } from '@qingfeng/core';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '../../api/cases';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { DocumentButton } from '../clues/clue-documents';
import { DeadlineTag } from '../clues/deadline-tag';
import { ProcedureTimeline } from '../clues/procedure-timeline';
import { useDateTime } from '../datasets/localised';
import { useCan } from '../auth/use-me';
import { AddSubjectModal } from './add-subject-modal';
import { CaseEvidenceTab } from './case-evidence';
import { CasePropertyTab } from './case-property';
import { CaseStepModal } from './case-step-modal';
import { useCase } from './use-cases';

/** The facts, the people, the measures and the dispositions of a case. */
function Overview({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('cases.number')}>
          <span data-testid="case-number">{c.caseNumber ?? t('cases.unnumbered')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.problemType')}>{c.problemTypeLabel[lang]}</Descriptions.Item>
        {c.clueId !== null && (
          <Descriptions.Item label={t('cases.fromClue')}>
            <Link to={`/clues/${c.clueId}`}>#{c.clueId}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cases.investigators')}>{c.investigators.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cases.trialReviewers')}>{c.trialReviewers.join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ overflowWrap: 'anywhere', margin: 0 }}>{c.summary}</Typography.Paragraph>
      <Descriptions size="small" column={1} title={t('cases.subjects')}>
        {c.subjects.map((s) => (
          <Descriptions.Item key={s.id} label={t(`clues.subject.${s.kind}`)}>
            {[s.name, s.position, s.idNumber].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <List
        size="small"
        header={<Typography.Text strong>{t('cases.measures')}</Typography.Text>}
        dataSource={c.measures}
        data-testid="case-measures"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} /> }}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <span>
                {m.id} · {m.kindLabel[lang]}
              </span>
              <Tag>{m.statusLabel[lang]}</Tag>
              {m.needsApproval && (
                <Typography.Text type="secondary">{t('cases.measure.needsApproval')}</Typography.Text>
              )}
              <DeadlineTag deadline={m.deadline} />
            </Space>
          </List.Item>
        )}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('cases.dispositions')}</Typography.Text>}
        footer={c.decided && t('cases.decided', { at: formatTime(c.decided.at), by: c.decided.by })}
        dataSource={c.dispositions}
        data-testid="case-dispositions"
        locale={{ emptyText: t('cases.noDispositions') }}
        renderItem={(d) => (
          <List.Item>
            <Space wrap>
              <Typography.Text strong>{d.subject}</Typography.Text>
              {d.outcome.map((o) => (
                <span key={o.label.en}>
                  {o.label[lang]}：{o.value[lang]}
                </span>
              ))}
              {d.form && <Tag color="purple">{d.form[lang]}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Flex>
  );
}

/** One case: the steps the user may take now, its facts, evidence, property ledger and timeline. */
export function CasePage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const [action, setAction] = useState<CaseAction>();
  const [addingSubject, setAddingSubject] = useState(false);
  const can = useCan();
  const found = useCase(id);
  if (found.isPending) return <Spin />;
  if (found.error) return <Result status="warning" title={errorText(t, found.error)} />;
  const c = found.data;
  // Evidence is added by uploading it on its tab, where the server hashes it: not by a step form.
  const steps = c.allowedActions.filter((a) => a.action !== 'add_evidence');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/cases">{t('cases.title')}</Link> }, { title: c.caseNumber ?? `#${c.id}` }]}
      />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {c.title}
        </Typography.Title>
        <Tag color="blue" data-testid="case-state">
          {c.stateLabel[lang]}
        </Tag>
        <DeadlineTag deadline={c.deadline} />
      </Flex>
      {(steps.length > 0 || can('case.handle')) && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="case-actions">
          {steps.map((a) => (
            <Button key={a.action} onClick={() => setAction(a.action)} data-testid={`step-${a.action}`}>
              {a.label[lang]}
            </Button>
          ))}
          {can('case.handle') && (
            <Button onClick={() => setAddingSubject(true)} data-testid="add-subject">
              {t('cases.addSubject')}
            </Button>
          )}
        </Space>
      )}
      {c.timeline.some((s) => s.action === 'approve_filing') && (
        <div style={{ marginBottom: 16 }}>
          <DocumentButton
            url={`/api/v1/cases/${c.id}/documents/filing-decision`}
            fileName={`${c.caseNumber ?? c.id}-${t('cases.document.filingDecision')}.docx`}
            label={t('cases.document.filingDecision')}
            testId="document-filing-decision"
          />
        </div>
      )}
      <Card>
        <Tabs
          items={[
            { key: 'overview', label: t('cases.tab.overview'), children: <Overview c={c} /> },
            { key: 'evidence', label: t('cases.tab.evidence'), children: <CaseEvidenceTab c={c} /> },
            { key: 'property', label: t('cases.tab.property'), children: <CasePropertyTab caseId={c.id} /> },
            {
              key: 'timeline',
              label: t('cases.tab.timeline'),
              children: <ProcedureTimeline steps={c.timeline} testId="case-timeline" />,
            },
          ]}
        />
      </Card>
      {addingSubject && <AddSubjectModal caseId={c.id} onClose={() => setAddingSubject(false)} />}
      {action && <CaseStepModal key={action} c={c} action={action} onClose={() => setAction(undefined)} />}
    </>
  );
}
