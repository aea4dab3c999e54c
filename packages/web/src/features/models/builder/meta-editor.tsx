import { Col, Form, Input, Row, Select } from 'antd';
import { SEVERITIES, type Severity } from '../../../api/models';
import { useI18n } from '../../../i18n';
import type { Draft } from './draft';
import { SUBJECT_TYPES, fieldChoices } from './fields';

interface Props {
  draft: Draft;
  /** The id of a saved model cannot change (its versions and warnings hang on it). */
  idLocked?: boolean;
  onChange: (patch: Partial<Draft>) => void;
}

/** Id, category, severity, names in both languages, and the hit's subject. */
export function MetaEditor({ draft, idLocked = false, onChange }: Props) {
  const { t, lang } = useI18n();
  const subjects = fieldChoices(draft).filter((c) => SUBJECT_TYPES.has(c.field.type));
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label={t('builder.id')} extra={t('builder.idHint')} required>
            <Input
              value={draft.id}
              disabled={idLocked}
              data-testid="builder-id"
              onChange={(e) => onChange({ id: e.target.value.trim() })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('models.category')} required>
            <Input value={draft.category} onChange={(e) => onChange({ category: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('models.severity')} required>
            <Select
              value={draft.severity}
              data-testid="builder-severity"
              onChange={(severity: Severity) => onChange({ severity })}
              options={SEVERITIES.map((s) => ({ value: s, label: t(`models.severity.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('builder.subject')} extra={t('builder.subjectHint')} required>
            <Select
              value={draft.subject || undefined}
              data-testid="builder-subject"
              onChange={(subject: string) => onChange({ subject })}
              options={subjects.map((c) => ({ value: c.ref, label: `${c.ref} ${c.field.label[lang]}` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('builder.nameZh')} required>
            <Input
              value={draft.name.zh}
              data-testid="builder-name-zh"
              onChange={(e) => onChange({ name: { ...draft.name, zh: e.target.value } })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('builder.nameEn')} required>
            <Input
              value={draft.name.en}
              data-testid="builder-name-en"
              onChange={(e) => onChange({ name: { ...draft.name, en: e.target.value } })}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
