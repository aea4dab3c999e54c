import { Alert, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { InboxItem } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { DeadlineTag } from '../clues/deadline-tag';
import { useInbox } from './use-notifications';

/** One task: the clue by number and title, its stage, the steps the reader may take, its running deadline. */
function InboxEntry({ item }: { item: InboxItem }) {
  const { t, lang } = useI18n();
  const { clue } = item;
  return (
    <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }} data-testid="inbox-item">
      <Link to={`/clues/${clue.id}`} style={{ overflowWrap: 'anywhere' }}>
        {clue.registrationNumber ? `${clue.registrationNumber} ` : ''}
        {clue.title}
      </Link>
      <Flex gap={6} wrap align="center">
        <Tag>{clue.stateLabel[lang]}</Tag>
        {item.awaitingApproval && <Tag color="purple">{t('inbox.awaitingApproval')}</Tag>}
        {clue.deadline ? (
          <DeadlineTag deadline={clue.deadline} />
        ) : (
          <Typography.Text type="secondary">{t('inbox.noDeadline')}</Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('inbox.actions')}：{item.actions.map((a) => a.label[lang]).join(lang === 'zh' ? '、' : ', ')}
      </Typography.Text>
    </Flex>
  );
}

/** 我的待办: what the signed-in person must act on now, soonest due first. */
export function InboxPage() {
  const { t } = useI18n();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];
  return (
    <Card title={t('inbox.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('inbox.intro')}</Typography.Text>
        {inbox.data?.truncated && (
          <Alert type="info" showIcon message={t('inbox.truncated', { count: items.length })} />
        )}
        <List
          loading={inbox.isLoading}
          dataSource={items}
          locale={{ emptyText: t('inbox.empty') }}
          renderItem={(item) => (
            <List.Item key={`${item.subjectType}-${item.clue.id}`}>
              <InboxEntry item={item} />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
