import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_OUTCOMES, type AuditFilter } from '../../api/audit';
import { useT } from '../../i18n';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  outcome?: AuditFilter['outcome'];
  objectType?: string;
  objectId?: string;
}

/** Actions the platform records, offered as suggestions (any text may still be typed). */
const KNOWN_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.totp_verify',
  'auth.password_change',
  'auth.lockout',
  'user.create',
  'user.update',
  'user.reset_password',
  'user.unlock',
  'user.phone_read',
  'role.update',
  'policy.update',
  'organisation.create',
  'organisation.update',
  'organisation.import',
  'audit.search',
  'audit.export',
  'access.denied',
];

function toFilter(values: Values): AuditFilter {
  const clean = (text?: string) => text?.trim() || undefined;
  return {
    from: values.range?.[0]?.toISOString(),
    to: values.range?.[1]?.toISOString(),
    username: clean(values.username),
    action: clean(values.action),
    outcome: values.outcome,
    objectType: clean(values.objectType),
    objectId: clean(values.objectId),
  };
}

/** Filters of the audit viewer: time range, user, action, outcome, object. */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <Form
      name="audit-filter"
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(toFilter(values))}
      data-testid="audit-filters"
    >
      <Row gutter={12}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker showTime style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="username" label={t('audit.user')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              allowClear
              options={KNOWN_ACTIONS.map((value) => ({ value }))}
              showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select allowClear options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="objectType" label={t('audit.objectType')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="objectId" label={t('audit.objectId')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>{' '}
            <Button onClick={() => (form.resetFields(), onChange({}))}>{t('common.reset')}</Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
