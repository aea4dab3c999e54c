import { MoreOutlined } from '@ant-design/icons';
import { SEPARATED_ADMIN_ROLES } from '@qingfeng/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex } from 'antd';
import { type User, type UserWithPassword, resetPassword, unlockUser, updateUser } from '../../api/users';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useSignedInUser } from '../auth/use-me';
import { USERS_KEY } from './use-users';

/**
 * Row actions for a user. The separated administrators and the user's own account are
 * managed elsewhere (command line, My account), so their risky actions are not offered.
 */
export function UserActions(props: {
  user: User;
  onEdit: (user: User) => void;
  onReset: (result: UserWithPassword) => void;
}) {
  const { user } = props;
  const t = useT();
  const me = useSignedInUser();
  const { modal } = App.useApp();
  const { ok, fail } = useNotify();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: USERS_KEY });
  const protectedUser = SEPARATED_ADMIN_ROLES.includes(user.role) || user.id === me.id;

  const reset = useMutation({
    mutationFn: () => resetPassword(user.id),
    onSuccess: (r) => (props.onReset(r), refresh()),
    onError: fail,
  });
  const unlock = useMutation({
    mutationFn: () => unlockUser(user.id),
    onSuccess: () => (ok(t('users.unlocked')), refresh()),
    onError: fail,
  });
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { disabled: !user.disabled }),
    onSuccess: () => (ok(t('common.saved')), refresh()),
    onError: fail,
  });

  const items = [
    ...(protectedUser ? [] : [{ key: 'reset', label: t('users.resetPassword') }]),
    ...(user.locked ? [{ key: 'unlock', label: t('users.unlock') }] : []),
    ...(protectedUser
      ? []
      : [{ key: 'toggle', label: user.disabled ? t('users.enable') : t('users.disable'), danger: !user.disabled }]),
  ];
  const name = `${user.displayName} (${user.username})`;

  return (
    <Flex gap={4}>
      <Button size="small" type="link" onClick={() => props.onEdit(user)}>
        {t('common.edit')}
      </Button>
      {items.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items,
            onClick: ({ key }) => {
              if (key === 'unlock') unlock.mutate();
              if (key === 'reset')
                modal.confirm({ title: t('users.resetConfirm', { name }), onOk: () => reset.mutateAsync() });
              if (key === 'toggle') {
                if (user.disabled) toggle.mutate();
                else
                  modal.confirm({
                    title: t('users.disableConfirm', { name }),
                    okButtonProps: { danger: true },
                    onOk: () => toggle.mutateAsync(),
                  });
              }
            },
          }}
        >
          <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
        </Dropdown>
      )}
    </Flex>
  );
}
