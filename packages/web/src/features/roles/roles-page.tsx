import { ADMIN_ONLY_PERMISSIONS, PERMISSIONS, type Permission, type Role, SEPARATED_ADMIN_ROLES } from '@qingfeng/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type RolePermissions, listRoles, saveRolePermissions } from '../../api/roles';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';

const ROLES_KEY = ['roles'] as const;

/** Whether a cell of the matrix can be changed: never for the separated administrators' roles or powers. */
function isEditableCell(role: RolePermissions, permission: Permission): boolean {
  return role.editable && !SEPARATED_ADMIN_ROLES.includes(role.role) && !ADMIN_ONLY_PERMISSIONS.includes(permission);
}

/** The matrix of roles × permissions, editable per role and saved one role at a time. */
export function RolesPage() {
  const { t, roleLabel, permissionLabel } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: listRoles });
  const [drafts, setDrafts] = useState<Partial<Record<Role, Set<Permission>>>>({});
  const manage = can('role.manage');

  const save = useMutation({
    mutationFn: ({ role, permissions }: { role: Role; permissions: Permission[] }) =>
      saveRolePermissions(role, permissions),
    onSuccess: async (_, { role }) => {
      ok(t('common.saved'));
      setDrafts(({ [role]: _saved, ...rest }) => rest);
      await client.invalidateQueries({ queryKey: ROLES_KEY });
    },
    onError: fail,
  });

  const current = (role: RolePermissions) => drafts[role.role] ?? new Set(role.permissions);
  const toggle = (role: RolePermissions, permission: Permission, on: boolean) => {
    const next = new Set(current(role));
    if (on) next.add(permission);
    else next.delete(permission);
    setDrafts((d) => ({ ...d, [role.role]: next }));
  };

  const columns = [
    {
      title: t('roles.permission'),
      key: 'permission',
      fixed: 'left' as const,
      width: 180,
      render: (_: unknown, permission: Permission) => (
        <Flex vertical>
          <Typography.Text>{permissionLabel(permission)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {permission}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(roles.data ?? []).map((role) => ({
      key: role.role,
      width: 120,
      align: 'center' as const,
      title: (
        <Flex vertical align="center" gap={4}>
          <span>{roleLabel(role.role)}</span>
          {!role.editable || SEPARATED_ADMIN_ROLES.includes(role.role) ? (
            <Tag>{t('roles.fixed')}</Tag>
          ) : (
            manage && (
              <Button
                size="small"
                type="primary"
                disabled={!drafts[role.role]}
                loading={save.isPending && save.variables.role === role.role}
                onClick={() => save.mutate({ role: role.role, permissions: [...current(role)] })}
              >
                {t('common.save')}
              </Button>
            )
          )}
        </Flex>
      ),
      render: (_: unknown, permission: Permission) => (
        <Checkbox
          aria-label={`${role.role} ${permission}`}
          checked={current(role).has(permission)}
          disabled={!manage || !isEditableCell(role, permission)}
          onChange={(event) => toggle(role, permission, event.target.checked)}
        />
      ),
    })),
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('roles.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('roles.hint')} style={{ marginBottom: 16 }} />
      <Card>
        <Table<Permission>
          rowKey={(permission) => permission}
          loading={roles.isPending}
          dataSource={[...PERMISSIONS]}
          columns={columns}
          pagination={false}
          size="small"
          scroll={{ x: 180 + 120 * (roles.data?.length ?? 0), y: 'calc(100vh - 320px)' }}
          bordered
        />
      </Card>
    </>
  );
}
