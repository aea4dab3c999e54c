import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { WARNING_STATUSES, type WarningStatus } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { useDateTime } from '../datasets/localised';
import { ReasonModal } from '../datasets/reason-modal';
import { SeverityTag } from '../models/severity-tag';
import { useModelNames } from '../models/use-models';
import { EvidenceRows } from './evidence-rows';
import { PlaceName } from '../../shared/place-name';
import { RetiredTag } from './retired-tag';
import { StatusModal } from './status-modal';
import { WarningStatusTag } from './status-tag';
import { useChangeStatus, useWarning } from './use-warnings';
import { WarningEvents } from './warning-events';
import { useSummaryText } from './warning-summary';
import { WarningClue } from '../clues/warning-clue';

/** One warning: its explanation, the evidence rows side by side, its handling and history. */
export function WarningPage() {
  const id = Number(useParams().id);
  // The list this warning was opened from (its filters, sort and page), when it was.
  const from = (useLocation().state as { list?: unknown } | null)?.list;
  const listUrl = `/warnings${typeof from === 'string' && from.startsWith('?') ? from : ''}`;
  const { t, lang } = useI18n();
  const summaryText = useSummaryText();
  const can = useCan();
  const formatTime = useDateTime();
  const nameOf = useModelNames();
  const { ok, fail } = useNotify();
  const [revealReason, setRevealReason] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [target, setTarget] = useState<WarningStatus>();
  const warning = useWarning(id, revealReason);
  const change = useChangeStatus();
  if (warning.isPending) return <Spin />;
  if (warning.error) return <Result status="warning" title={errorText(t, warning.error)} />;
  const w = warning.data;

  const confirm = (reason: string | undefined) =>
    target &&
    change.mutate(
      { ids: [w.id], status: target, reason },
      { onSuccess: () => (ok(t('warnings.changed', { count: 1 })), setTarget(undefined)), onError: fail },
    );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={listUrl}>{t('warnings.title')}</Link> }, { title: `#${w.id}` }]}
      />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('warnings.detailTitle', { id: w.id })}
        </Typography.Title>
        <SeverityTag severity={w.severity} />
        <WarningStatusTag status={w.status} />
        <RetiredTag reason={w.retiredReason} />
        <WarningClue warningId={w.id} confirmed={w.status === 'confirmed'} />
      </Flex>
      <Flex vertical gap={16}>
        {w.retiredReason && (
          <Alert
            type="info"
            showIcon
            data-testid="retired-notice"
            title={t('warnings.retiredNotice', { reason: t(`warnings.retiredReason.${w.retiredReason}`) })}
            description={`${t('warnings.retiredAt')}: ${formatTime(w.retiredAt)}`}
          />
        )}
        <Card>
          <Typography.Paragraph style={{ fontSize: 16 }} data-testid="warning-explanation">
            {w.explanation[lang]}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('warnings.model')}>
              {w.modelId} {nameOf(w.modelId)?.[lang] ?? ''} (v{w.modelVersion})
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.division')}>
              <PlaceName code={w.divisionCode} name={w.divisionName} />
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.firstSeenAt')}>{formatTime(w.firstSeenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.lastSeenAt')}>{formatTime(w.lastSeenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.statusReason')}>{w.statusReason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.summary')}>
              <span data-testid="warning-summary">{summaryText(w.summary)}</span>
            </Descriptions.Item>
            {w.subjectKey !== null && can('person.read') && (
              <Descriptions.Item label={t('warnings.person')}>
                <Link to={`/people/${w.subjectKey}`} data-testid="person-link">
                  {t('warnings.personLink')}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {can('warning.handle') && (
            <Space wrap style={{ marginTop: 8 }} data-testid="status-actions">
              {WARNING_STATUSES.filter((s) => s !== w.status && s !== 'new').map((s) => (
                <Button key={s} onClick={() => setTarget(s)} data-testid={`mark-${s}`}>
                  {t(`warnings.mark.${s}`)}
                </Button>
              ))}
            </Space>
          )}
        </Card>
        {(w.basis || w.handling) && (
          <Card title={t('warnings.guidance')} data-testid="warning-guidance">
            <Descriptions size="small" column={1}>
              {w.basis && (
                <Descriptions.Item label={t('models.basis')}>
                  <span data-testid="warning-basis">{w.basis[lang]}</span>
                </Descriptions.Item>
              )}
              {w.handling && (
                <Descriptions.Item label={t('models.handling')}>
                  <span data-testid="warning-handling">{w.handling[lang]}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
        <Card
          title={t('warnings.evidence')}
          extra={
            w.masked && can('person.read') ? (
              <Button size="small" onClick={() => setAsking(true)} data-testid="reveal">
                {t('warnings.reveal')}
              </Button>
            ) : null
          }
        >
          {w.masked && <Alert type="info" showIcon title={t('warnings.maskedHint')} style={{ marginBottom: 12 }} />}
          <EvidenceRows rows={w.evidence} places={w.places} />
        </Card>
        <Card title={t('warnings.history')}>
          <WarningEvents events={w.events} />
        </Card>
      </Flex>
      <StatusModal
        status={target}
        count={1}
        pending={change.isPending}
        onCancel={() => setTarget(undefined)}
        onConfirm={confirm}
      />
      <ReasonModal
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => (setRevealReason(reason), setAsking(false))}
      />
    </>
  );
}
