import { PlusOutlined } from '@ant-design/icons';
import { ROLES, SEPARATED_ADMIN_ROLES } from '@qingfeng/core';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { User, UserQuery, UserWithPassword } from '../../api/users';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { PhoneCell } from './phone-cell';
import { TemporaryPasswordModal } from './temporary-password-modal';
import { UserActions } from './user-actions';
import { type UserFilterValues, UserFilters } from './user-filters';
import { UserFormModal } from './user-form-modal';
import { useUsers } from './use-users';

/** The console creates business users only; the separated administrators come from the CLI. */
const ASSIGNABLE_ROLES = ROLES.filter((role) => !SEPARATED_ADMIN_ROLES.includes(role));

function toQuery(filters: UserFilterValues, page: number, pageSize: number): UserQuery {
  const disabled = filters.status === undefined ? undefined : filters.status === 'disabled';
  return { page, pageSize, q: filters.q?.trim() || undefined, orgId: filters.orgId, role: filters.role, disabled };
}

/** Users within the jurisdiction: filter, page, create, edit, reset, disable, unlock. */
export function UsersPage() {
  const { t, roleLabel } = useI18n();
  const can = useCan();
  const manage = can('user.manage');
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ editing?: User } | null>(null);
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);
  const users = useUsers(toQuery(filters, paging.page, paging.pageSize));
  const showPassword = (result: UserWithPassword) =>
    setTemporary({ name: `${result.user.displayName} (${result.user.username})`, password: result.temporaryPassword });

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})} data-testid="create-user">
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Card>
        <UserFilters
          canReadOrgs={can('org.read')}
          onChange={(values) => {
            setFilters(values);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Table<User>
          rowKey="id"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', fixed: 'left' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.org'), key: 'org', render: (_, u) => u.org.name },
            { title: t('users.role'), dataIndex: 'role', render: (role: string) => roleLabel(role) },
            { title: t('users.phone'), key: 'phone', render: (_, u) => <PhoneCell user={u} canReveal={manage} /> },
            {
              title: t('users.status'),
              key: 'status',
              render: (_, u) => (
                <Flex gap={4} wrap>
                  {u.disabled ? <Tag>{t('users.disabledState')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
                  {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                </Flex>
              ),
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, u: User) => (
                      <UserActions user={u} onEdit={(editing) => setDialog({ editing })} onReset={showPassword} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <UserFormModal
        open={dialog !== null}
        editing={dialog?.editing}
        assignableRoles={ASSIGNABLE_ROLES}
        onCreated={showPassword}
        onClose={() => setDialog(null)}
      />
      <TemporaryPasswordModal shown={temporary} onClose={() => setTemporary(null)} />
    </>
  );
}
