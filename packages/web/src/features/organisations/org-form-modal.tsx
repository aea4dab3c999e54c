import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import {
  COMMISSION_LEVELS,
  ORG_KINDS,
  type Organisation,
  type OrganisationInput,
  UNIT_TYPES,
  createOrganisation,
  updateOrganisation,
} from '../../api/organisations';
import { useT } from '../../i18n';
import { showFieldError } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { ORGANISATIONS_KEY, toTreeOptions, useOrganisationTree } from './use-organisations';

type Values = Omit<OrganisationInput, 'offices'> & { offices?: string[] };

const DIVISION_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;
const CODE_PATTERN = /^[\w.-]+$/;

/** Creates an organisation, or edits one (`editing`): code and kind are fixed once created. */
export function OrgFormModal(props: { open: boolean; editing?: Organisation; parentId?: number; onClose: () => void }) {
  const { open, editing, parentId, onClose } = props;
  const t = useT();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const tree = useOrganisationTree(open);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        level: editing.level ?? undefined,
        officeType: editing.officeType ?? undefined,
        unitType: editing.unitType ?? undefined,
        parentId: editing.parentId ?? undefined,
      });
    } else form.setFieldsValue({ kind: 'commission', parentId });
  }, [open, editing, parentId, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (editing) {
        const { name, level, officeType, unitType, parentId: parent, divisionCode } = values;
        return updateOrganisation(editing.id, { name, level, officeType, unitType, parentId: parent, divisionCode });
      }
      return createOrganisation({ ...values, offices: values.offices?.length ? values.offices : undefined });
    },
    onSuccess: async () => {
      ok(editing ? t('org.updated') : t('org.created'));
      await client.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
      onClose();
    },
    onError: (error) => {
      if (!showFieldError(form, t, error)) fail(error);
    },
  });

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Modal
      open={open}
      title={editing ? t('org.edit') : t('org.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Form<Values> name="organisation" form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={[required(t('org.code')), { pattern: CODE_PATTERN, max: 64 }]}
        >
          <Input disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={[required(t('org.name')), { whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[required(t('org.kind'))]}>
          <Select
            disabled={Boolean(editing)}
            options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'commission' && (
          <Form.Item name="level" label={t('org.commissionLevel')} rules={[required(t('org.commissionLevel'))]}>
            <Select options={COMMISSION_LEVELS.map((l) => ({ value: l, label: t(`org.level.${l}`) }))} />
          </Form.Item>
        )}
        {kind === 'office' && (
          <Form.Item
            name="officeType"
            label={t('org.officeType')}
            rules={[required(t('org.officeType')), { max: 100 }]}
          >
            <Input />
          </Form.Item>
        )}
        {kind === 'unit' && (
          <Form.Item name="unitType" label={t('org.unitType')} rules={[required(t('org.unitType'))]}>
            <Select options={UNIT_TYPES.map((u) => ({ value: u, label: t(`org.unit.${u}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="parentId"
          label={t('org.parent')}
          rules={kind === 'commission' ? [] : [required(t('org.parent'))]}
        >
          <TreeSelect
            treeData={toTreeOptions(tree.data ?? [])}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('org.division')}
          rules={[required(t('org.division')), { pattern: DIVISION_PATTERN, message: t('org.divisionRule') }]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        {!editing && kind === 'commission' && (
          <Form.Item name="offices" label={t('org.offices')} extra={t('org.officesHint')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
