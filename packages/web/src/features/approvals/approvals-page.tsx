import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { decideApproval, listApprovals, type SensitiveRequest, type SensitiveStatus } from '../../api/approvals';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { useNotify } from '../../shared/use-notify';

const STATUS_COLOURS: Record<SensitiveStatus, string> = {
  pending: 'gold',
  approved: 'green',
  refused: 'red',
  used: 'default',
  expired: 'default',
};

/** One request: what was asked, by whom and why, and where it stands. */
function RequestCard({ request, actions }: { request: SensitiveRequest; actions?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const time = (at: string | null) =>
    at === null ? null : new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <Card
      size="small"
      data-testid="approval-request"
      title={
        <Flex gap={8} wrap align="center">
          <span>{t(`approvals.kind.${request.kind}`)}</span>
          <Tag color={STATUS_COLOURS[request.status]} data-testid="approval-status">
            {t(`approvals.status.${request.status}`)}
          </Tag>
        </Flex>
      }
      extra={time(request.createdAt)}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('approvals.query')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {request.kind === 'rejected_download' ? t('approvals.batchQuery', { id: request.query }) : request.query}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('approvals.reason')}>{request.reason}</Descriptions.Item>
        <Descriptions.Item label={t('approvals.requestedBy')}>{request.requestedBy}</Descriptions.Item>
        {request.decidedBy && (
          <Descriptions.Item label={t('approvals.decidedBy')}>{request.decidedBy}</Descriptions.Item>
        )}
        {request.decisionNote && (
          <Descriptions.Item label={t('approvals.note')}>{request.decisionNote}</Descriptions.Item>
        )}
        {request.status === 'approved' && (
          <Descriptions.Item label={t('approvals.validUntil')}>{time(request.validUntil)}</Descriptions.Item>
        )}
      </Descriptions>
      {actions}
    </Card>
  );
}

function RequestList({ view }: { view: 'mine' | 'to_decide' }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const list = useQuery({ queryKey: ['approvals', view], queryFn: () => listApprovals(view) });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'approve' | 'refuse' }) => decideApproval(id, decision),
    onSuccess: async () => {
      ok(t('approvals.decided'));
      await client.invalidateQueries({ queryKey: ['approvals'] });
    },
    onError: fail,
  });
  if (list.isPending) return <Spin />;
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  return (
    <Flex vertical gap={12}>
      {!list.data.approvalRequired && <Alert type="info" showIcon title={t('approvals.policyOff')} />}
      {list.data.items.length === 0 && <Empty description={t('approvals.none')} />}
      {list.data.items.map((request) => (
        <RequestCard
          key={request.id}
          request={request}
          actions={
            view === 'to_decide' && (
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <Button
                  type="primary"
                  data-testid="approval-approve"
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: request.id, decision: 'approve' })}
                >
                  {t('approvals.approve')}
                </Button>
                <Button
                  danger
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: request.id, decision: 'refuse' })}
                >
                  {t('approvals.refuse')}
                </Button>
              </Flex>
            )
          }
        />
      ))}
    </Flex>
  );
}

/**
 * Sensitive-query approvals: the requests one made and where each stands, and, for holders
 * of sensitive.approve, the requests of others in their jurisdiction waiting for a decision.
 */
export function ApprovalsPage() {
  const { t } = useI18n();
  const can = useCan();
  const tabs = [
    { key: 'mine', label: t('approvals.mine'), children: <RequestList view="mine" /> },
    ...(can('sensitive.approve')
      ? [{ key: 'to_decide', label: t('approvals.toDecide'), children: <RequestList view="to_decide" /> }]
      : []),
  ];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('approvals.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('approvals.hint')}</Typography.Paragraph>
      <Tabs items={tabs} />
    </>
  );
}
