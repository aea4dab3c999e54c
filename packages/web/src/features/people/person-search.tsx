import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { MAX_SEARCH_CHARS } from '../../api/people';
import { AskApprovalModal } from '../approvals/ask-approval-modal';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { usePersonSearch } from './use-people';

/**
 * Finds a person by the beginning of their name or their identity number (looked up by
 * the server through the blind index, inside the viewer's jurisdiction), and links each
 * one found to their page. The results stay in the page, never in the URL: an identity
 * number must not be kept by the browser's history.
 */
export function PersonSearch() {
  const t = useT();
  const search = usePersonSearch();
  const found = search.data?.items;
  // The query the server wants approved first (the security administrator's policy), kept in memory only.
  const [asking, setAsking] = useState<string | null>(null);
  const needsApproval = search.error instanceof ApiError && search.error.code === 'approval_required';
  return (
    <Card size="small" title={t('people.search.title')} style={{ marginBottom: 16 }} data-testid="person-search">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('people.search.hint')}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        maxLength={MAX_SEARCH_CHARS}
        placeholder={t('people.search.placeholder')}
        enterButton={t('common.search')}
        loading={search.isPending}
        style={{ width: 'min(420px, 100%)' }}
        data-testid="person-search-input"
        onSearch={(text) => {
          const q = text.trim();
          if (q === '') search.reset();
          else search.mutate(q);
        }}
      />
      {needsApproval ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('approvals.required')}
          action={
            <Button size="small" data-testid="ask-approval" onClick={() => setAsking(search.variables ?? null)}>
              {t('approvals.ask')}
            </Button>
          }
        />
      ) : (
        search.error && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={errorText(t, search.error)} />
      )}
      <AskApprovalModal kind="person_search" query={asking} onClose={() => setAsking(null)} />
      {found && (
        <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="person-results">
          <Typography.Text type="secondary">
            {found.length === 0 ? t('people.search.none') : t('people.search.results', { count: found.length })}
          </Typography.Text>
          {found.map((p) => (
            <Flex key={p.subjectKey} gap={8} wrap align="center">
              <Link to={`/people/${p.subjectKey}`} data-testid="person-result">
                {p.name ?? t('people.unnamed')}
              </Link>
              <Typography.Text code>{p.idNumber}</Typography.Text>
              <Tag>{t('people.warningCount', { count: p.warningCount })}</Tag>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
