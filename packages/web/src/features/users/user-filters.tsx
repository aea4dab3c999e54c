import { ROLES, type Role } from '@qingfeng/core';
import { Button, Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useI18n } from '../../i18n';
import { toTreeOptions, useOrganisationTree } from '../organisations/use-organisations';

export interface UserFilterValues {
  q?: string;
  orgId?: number;
  role?: Role;
  status?: 'active' | 'disabled';
}

/** Filters of the user list; applied on submit, cleared by reset. */
export function UserFilters({
  onChange,
  canReadOrgs,
}: {
  onChange: (values: UserFilterValues) => void;
  canReadOrgs: boolean;
}) {
  const { t, roleLabel } = useI18n();
  const [form] = Form.useForm<UserFilterValues>();
  const tree = useOrganisationTree(canReadOrgs);
  return (
    <Form name="user-filter" form={form} onFinish={onChange} layout="vertical">
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="q" label={t('common.search')}>
            <Input allowClear placeholder={t('users.search')} />
          </Form.Item>
        </Col>
        {canReadOrgs && (
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="orgId" label={t('users.org')}>
              <TreeSelect allowClear treeData={toTreeOptions(tree.data ?? [])} showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} sm={12} lg={4}>
          <Form.Item name="role" label={t('users.role')}>
            <Select allowClear options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item name="status" label={t('users.status')}>
            <Select
              allowClear
              options={[
                { value: 'active', label: t('users.active') },
                { value: 'disabled', label: t('users.disabledState') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
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
