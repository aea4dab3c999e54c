import { ROLES, type Role } from '@qingfeng/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, Spin, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { getSecurityPolicies, saveSecurityPolicies } from '../../api/roles';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

const POLICIES_KEY = ['security-policies'] as const;

/** Which roles must sign in with TOTP, and whether sensitive queries need a second person's approval. */
export function PoliciesPage() {
  const { t, roleLabel } = useI18n();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const [form] = Form.useForm<{ totpRequiredRoles: Role[]; sensitiveQueryApproval: boolean }>();
  const policies = useQuery({ queryKey: POLICIES_KEY, queryFn: getSecurityPolicies });
  useEffect(() => {
    if (policies.data) {
      form.setFieldsValue({
        totpRequiredRoles: policies.data.totpRequiredRoles,
        sensitiveQueryApproval: policies.data.sensitiveQueryApproval ?? false,
      });
    }
  }, [policies.data, form]);
  const save = useMutation({
    mutationFn: saveSecurityPolicies,
    onSuccess: async () => {
      ok(t('common.saved'));
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
    },
    onError: fail,
  });

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('policies.title')}
      </Typography.Title>
      <Card title={t('policies.totpRoles')}>
        {policies.isPending ? (
          <Spin />
        ) : (
          <Form form={form} layout="vertical" onFinish={(values) => save.mutate({ ...policies.data, ...values })}>
            <Typography.Paragraph type="secondary">{t('policies.totpHint')}</Typography.Paragraph>
            <Form.Item name="totpRequiredRoles">
              <Checkbox.Group style={{ width: '100%' }}>
                <Flex wrap gap={12}>
                  {ROLES.map((role) => (
                    <Checkbox key={role} value={role} style={{ minWidth: 200 }}>
                      {roleLabel(role)}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Typography.Title level={5}>{t('approvals.policy')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('approvals.policyHint')}</Typography.Paragraph>
            <Form.Item name="sensitiveQueryApproval" valuePropName="checked">
              <Switch data-testid="sensitive-approval-switch" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
