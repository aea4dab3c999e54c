import { Alert, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { InboxItem } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { DeadlineTag } from '../clues/deadline-tag';
import { useInbox } from './use-notifications';

/** The matter an item is about, as the page shows it. */
function matterOf(item: InboxItem) {
  return item.subjectType === 'clue'
    ? { path: `/clues/${item.clue.id}`, number: item.clue.registrationNumber, ...item.clue }
    : { path: `/cases/${item.case.id}`, number: item.case.caseNumber, ...item.case };
}

/** One task: the clue or case by number and title, its stage, the steps the reader may take, its running deadline. */
function InboxEntry({ item }: { item: InboxItem }) {
  const { t, lang } = useI18n();
  const matter = matterOf(item);
  return (
    <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }} data-testid="inbox-item">
      <Link to={matter.path} style={{ overflowWrap: 'anywhere' }}>
        <Tag color={item.subjectType === 'case' ? 'volcano' : 'blue'}>{t(`inbox.kind.${item.subjectType}`)}</Tag>
        {matter.number ? `${matter.number} ` : ''}
        {matter.title}
      </Link>
      <Flex gap={6} wrap align="center">
        <Tag>{matter.stateLabel[lang]}</Tag>
        {item.awaitingApproval && <Tag color="purple">{t('inbox.awaitingApproval')}</Tag>}
        {matter.deadline ? (
          <DeadlineTag deadline={matter.deadline} />
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
        {inbox.data?.truncated && <Alert type="info" showIcon title={t('inbox.truncated', { count: items.length })} />}
        <List
          loading={inbox.isLoading}
          dataSource={items}
          locale={{ emptyText: t('inbox.empty') }}
          renderItem={(item) => (
            <List.Item key={matterOf(item).path}>
              <InboxEntry item={item} />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
