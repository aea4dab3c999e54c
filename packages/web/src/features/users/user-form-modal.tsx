import { ROLES, type Role } from '@qingfeng/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { type User, type UserInput, type UserWithPassword, createUser, updateUser } from '../../api/users';
import { useI18n } from '../../i18n';
import { showFieldError } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { toTreeOptions, useOrganisationTree } from '../organisations/use-organisations';
import { USERS_KEY } from './use-users';

/** The server's rules (users.schemas.ts), checked here first. */
const USERNAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9._-]{2,63}$/;
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * Creates a user (then hands the temporary password to `onCreated`) or edits one. The
 * phone field, when editing, replaces the number; left empty it keeps the current one.
 */
export function UserFormModal(props: {
  open: boolean;
  editing?: User;
  assignableRoles: readonly Role[];
  onCreated: (result: UserWithPassword) => void;
  onClose: () => void;
}) {
  const { open, editing, onClose } = props;
  const { t, roleLabel } = useI18n();
  const [form] = Form.useForm<UserInput>();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const tree = useOrganisationTree(open);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ displayName: editing.displayName, orgId: editing.org.id, role: editing.role });
  }, [open, editing, form]);

  const mutation = useMutation({
    mutationFn: async (values: UserInput) => {
      const phone = values.phone?.replace(/\s/g, '') || undefined;
      if (editing) {
        const { displayName, orgId, role } = values;
        await updateUser(editing.id, { displayName, orgId, role, ...(phone ? { phone } : {}) });
        return null;
      }
      return createUser({ ...values, username: values.username.trim(), phone });
    },
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: USERS_KEY });
      if (result) {
        ok(t('users.created'));
        props.onCreated(result);
      } else ok(t('common.saved'));
      onClose();
    },
    onError: (error) => {
      if (!showFieldError(form, t, error)) fail(error);
    },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Modal
      open={open}
      title={editing ? t('users.edit') : t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Form<UserInput>
        name="user"
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid="user-form"
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[required(t('users.username')), { pattern: USERNAME_PATTERN, message: t('users.usernameRule') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[required(t('users.displayName')), { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.org')}
          rules={[{ required: true, message: t('common.required', { field: t('users.org') }) }]}
        >
          <TreeSelect
            treeData={toTreeOptions(tree.data ?? [])}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            loading={tree.isPending}
            data-testid="user-org"
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.required', { field: t('users.role') }) }]}
        >
          <Select
            data-testid="user-role"
            disabled={editing !== undefined && !props.assignableRoles.includes(editing.role)}
            options={ROLES.filter((role) => props.assignableRoles.includes(role) || role === editing?.role).map(
              (role) => ({ value: role, label: roleLabel(role) }),
            )}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={editing?.phone ? editing.phone : undefined}
          rules={[
            { pattern: PHONE_PATTERN, message: t('users.phoneRule'), transform: (v?: string) => v?.replace(/\s/g, '') },
          ]}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
