import type { ClueAction } from '@qingfeng/core';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { ClueCaseLink } from '../cases/clue-case-link';
import { useDateTime } from '../datasets/localised';
import { ClueDocuments } from './clue-documents';
import { ProcedureTimeline } from './procedure-timeline';
import { DeadlineTag } from './deadline-tag';
import { RelatedClues } from './related-clues';
import { StepModal } from './step-modal';
import { useClue } from './use-clues';

/** One clue: its facts and subjects, the steps the user may take now, and its whole timeline. */
export function CluePage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const [action, setAction] = useState<{ action: ClueAction; initial?: Record<string, unknown> }>();
  const clue = useClue(id);
  if (clue.isPending) return <Spin />;
  if (clue.error) return <Result status="warning" title={errorText(t, clue.error)} />;
  const c = clue.data;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/clues">{t('clues.title')}</Link> }, { title: c.registrationNumber ?? `#${c.id}` }]}
      />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {c.title}
        </Typography.Title>
        <Tag color="blue" data-testid="clue-state">
          {c.stateLabel[lang]}
        </Tag>
        <DeadlineTag deadline={c.deadline} />
        <ClueCaseLink clueId={c.id} filed={c.state === 'case_filing'} />
      </Flex>
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('clues.number')}>
              <span data-testid="clue-number">{c.registrationNumber ?? t('clues.unregistered')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.source')}>{c.sourceLabel[lang]}</Descriptions.Item>
            <Descriptions.Item label={t('clues.problemType')}>{c.problemTypeLabel[lang]}</Descriptions.Item>
            <Descriptions.Item label={t('clues.division')}>{c.divisionCode}</Descriptions.Item>
            <Descriptions.Item label={t('clues.createdAt')}>{formatTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('clues.responsible')}>
              <span data-testid="clue-responsible">
                {c.responsible ? `${c.responsible.name}（${c.responsible.office}）` : t('clues.noResponsible')}
              </span>
            </Descriptions.Item>
            {c.proposal && (
              <Descriptions.Item label={t('clues.proposal')}>
                {c.proposal.label[lang]}
                {c.proposal.transferTo ? `（${c.proposal.transferTo}）` : ''}
              </Descriptions.Item>
            )}
            {c.warningIds.length > 0 && (
              <Descriptions.Item label={t('clues.warnings')}>
                <Space wrap>
                  {c.warningIds.map((w) => (
                    <Link key={w} to={`/warnings/${w}`}>
                      #{w}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            {c.links.length > 0 && (
              <Descriptions.Item label={t('clues.links')}>
                <Space wrap>
                  {c.links.map((l) => (
                    <Link key={l.clueId} to={`/clues/${l.clueId}`}>
                      #{l.clueId} {t(`clues.link.${l.kind}`)}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 8, overflowWrap: 'anywhere' }}>{c.summary}</Typography.Paragraph>
          {c.subjects.length > 0 && (
            <Descriptions size="small" column={1} title={t('clues.subjects')}>
              {c.subjects.map((s, i) => (
                <Descriptions.Item key={i} label={t(`clues.subject.${s.kind}`)}>
                  {[s.name, s.position, s.idNumber, s.creditCode].filter(Boolean).join(' · ')}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {c.allowedActions.length > 0 && (
            <Space wrap style={{ marginTop: 8 }} data-testid="clue-actions">
              {c.allowedActions.map((a) => (
                <Button key={a.action} onClick={() => setAction({ action: a.action })} data-testid={`step-${a.action}`}>
                  {a.label[lang]}
                </Button>
              ))}
            </Space>
          )}
          <ClueDocuments clue={c} />
        </Card>
        <Card title={t('clues.related.title')}>
          <RelatedClues clue={c} onStep={(next, initial) => setAction({ action: next, initial })} />
        </Card>
        <Card title={t('clues.timeline')}>
          <ProcedureTimeline steps={c.timeline} testId="clue-timeline" />
        </Card>
      </Flex>
      {action && (
        <StepModal
          key={action.action}
          clue={c}
          action={action.action}
          initial={action.initial}
          onClose={() => setAction(undefined)}
        />
      )}
    </>
  );
}
