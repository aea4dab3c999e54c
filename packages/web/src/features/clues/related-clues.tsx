import type { ClueAction } from '@qingfeng/core';
import { Button, Empty, List, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { ClueDetail } from '../../api/clues';
import { useI18n } from '../../i18n';
import { useRelatedClues } from './use-clues';

/**
 * 可能重复/相关线索: other clues of the commission on the same person, the same unit or the
 * same model warning's subject, with why. Merging into one or linking it are the procedure's
 * own steps, offered here when the user may take them and the two are not tied already.
 */
export function RelatedClues({
  clue,
  onStep,
}: {
  clue: ClueDetail;
  onStep: (action: ClueAction, initial: Record<string, unknown>) => void;
}) {
  const { t, lang } = useI18n();
  const related = useRelatedClues(clue.id);
  const may = (action: ClueAction) => clue.allowedActions.some((a) => a.action === action);
  return (
    <List
      loading={related.isPending}
      data-testid="related-clues"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.related.none')} /> }}
      dataSource={related.data?.items ?? []}
      renderItem={(item) => (
        <List.Item
          data-testid={`related-${item.id}`}
          actions={
            item.linked
              ? [<Tag key="linked">{t(`clues.link.${item.linked}`)}</Tag>]
              : [
                  may('merge_into') && (
                    <Button
                      key="merge"
                      size="small"
                      data-testid={`related-merge-${item.id}`}
                      onClick={() => onStep('merge_into', { targetClueId: item.id })}
                    >
                      {t('clues.related.merge')}
                    </Button>
                  ),
                  may('link_related') && (
                    <Button
                      key="link"
                      size="small"
                      data-testid={`related-link-${item.id}`}
                      onClick={() => onStep('link_related', { clueId: item.id })}
                    >
                      {t('clues.related.link')}
                    </Button>
                  ),
                ].filter(Boolean)
          }
        >
          <List.Item.Meta
            title={
              <Link to={`/clues/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                {item.registrationNumber ?? `#${item.id}`} {item.title}
              </Link>
            }
            description={
              <Space wrap size={4}>
                <Tag color="blue">{item.stateLabel[lang]}</Tag>
                {item.reasons.map((r) => (
                  <Tag key={r.code} color="orange">
                    {r.label[lang]}
                  </Tag>
                ))}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
