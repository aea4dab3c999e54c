import { Checkbox, Flex, Form, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useWarningSubjects } from './use-clues';

/** A suggestion's value in the form: the warning and the subject key, which is all the client may name. */
export const pickValue = (warningId: number, subjectKey: number) => `${warningId}:${subjectKey}`;

/**
 * The people the clue's warnings name, offered as subjects: none is checked at first, since
 * a warning's subject may be, say, a deceased beneficiary rather than the official the clue
 * is about. Names and masked numbers only; the server fills in the rest of those checked.
 */
export function WarningSubjectPicks({ warningIds }: { warningIds: number[] }) {
  const { t } = useI18n();
  const suggestions = useWarningSubjects(warningIds);
  const items = suggestions.data?.items ?? [];
  if (!suggestions.isSuccess || items.length === 0) return null;
  return (
    <Form.Item
      name="picks"
      label={t('clues.suggested.title')}
      extra={t('clues.suggested.hint')}
      data-testid="warning-subject-picks"
    >
      <Checkbox.Group style={{ width: '100%' }}>
        <Flex vertical gap={4}>
          {items.map((s) => (
            <Checkbox key={pickValue(s.warningId, s.subjectKey)} value={pickValue(s.warningId, s.subjectKey)}>
              <Flex wrap gap={4} align="center">
                <Typography.Text>{s.name}</Typography.Text>
                <Typography.Text type="secondary">{s.idNumber}</Typography.Text>
                <Tag>{s.primary ? t('clues.suggested.primary') : t('clues.suggested.party')}</Tag>
                {warningIds.length > 1 && (
                  <Typography.Text type="secondary">
                    {t('clues.suggested.warning', { id: s.warningId })}
                  </Typography.Text>
                )}
              </Flex>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Form.Item>
  );
}
