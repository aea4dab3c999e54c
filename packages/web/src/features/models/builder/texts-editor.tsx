import { Col, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { Draft } from './draft';
import { placeholderChoices } from './placeholders';

type TextKey = 'explanation' | 'basis' | 'handling';
const KEYS: readonly TextKey[] = ['explanation', 'basis', 'handling'];

/** The explanation template (placeholders from the sources and parameters), basis and handling, in both languages. */
export function TextsEditor({ draft, onChange }: { draft: Draft; onChange: (patch: Partial<Draft>) => void }) {
  const t = useT();
  const insert = (name: string) =>
    onChange({
      explanation: { zh: `${draft.explanation.zh}{${name}}`, en: `${draft.explanation.en}{${name}}` },
    });
  return (
    <Form layout="vertical" component="div">
      <Flex gap={4} wrap style={{ marginBottom: 12 }} data-testid="placeholders">
        <Typography.Text type="secondary">{t('builder.placeholders')}</Typography.Text>
        {placeholderChoices(draft).map((p) => (
          <Tag key={p.name} style={{ cursor: 'pointer' }} onClick={() => insert(p.name)}>
            {`{${p.name}}`}
          </Tag>
        ))}
      </Flex>
      <Row gutter={16}>
        {KEYS.flatMap((key) =>
          (['zh', 'en'] as const).map((side) => (
            <Col key={`${key}-${side}`} xs={24} md={12}>
              <Form.Item label={`${t(`models.${key}`)} (${side === 'zh' ? '中文' : 'English'})`} required>
                <Input.TextArea
                  rows={key === 'explanation' ? 3 : 2}
                  value={draft[key][side]}
                  data-testid={`builder-${key}-${side}`}
                  onChange={(e) => onChange({ [key]: { ...draft[key], [side]: e.target.value } })}
                />
              </Form.Item>
            </Col>
          )),
        )}
      </Row>
    </Form>
  );
}
