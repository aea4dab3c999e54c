import type { ModelParameter } from '@qingfeng/core';
import { Button, Empty, Form, Input } from 'antd';
import type { ModelDetail } from '../../api/models';
import { useI18n } from '../../i18n';
import { showFieldError } from '../../shared/error-text';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { ParamInput, fromFormValue, toFormValue } from './param-input';
import { useModelActions } from './use-models';

function rangeOf(def: ModelParameter): string {
  const bounds = [def.min, def.max].map((n) => (n === undefined ? '' : String(n)));
  const range = def.min !== undefined || def.max !== undefined ? `${bounds[0]} – ${bounds[1]}` : '';
  return [range, def.unit ?? ''].filter(Boolean).join(' ');
}

/** The model's parameters within their ranges; saving makes a new version with the reason given. */
export function ModelParamsForm({ model }: { model: ModelDetail }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { ok, fail } = useNotify();
  const { parameters } = useModelActions(model.id);
  const [form] = Form.useForm<Record<string, unknown>>();
  const defs = model.document.parameters;
  if (defs.length === 0) return <Empty description={t('models.params.none')} />;
  const initial = Object.fromEntries(defs.map((d) => [d.key, toFormValue(d, model.params[d.key] ?? d.default)]));

  const submit = (values: Record<string, unknown>) => {
    let params: Record<string, unknown>;
    try {
      params = Object.fromEntries(defs.map((d) => [d.key, fromFormValue(d, values[d.key])]));
    } catch (error) {
      fail(error);
      return;
    }
    const reason = String(values.__reason).trim();
    parameters.mutate(
      { params, reason },
      {
        onSuccess: () => (ok(t('models.params.saved')), form.setFieldValue('__reason', '')),
        onError: (error) => showFieldError(form, t, error) || fail(error),
      },
    );
  };

  return (
    <Form
      form={form}
      name="model-params"
      layout="vertical"
      initialValues={initial}
      disabled={!can('model.manage')}
      onFinish={submit}
      style={{ maxWidth: 640 }}
    >
      {defs.map((d) => (
        <Form.Item key={d.key} name={d.key} label={`${d.label[lang]} (${d.key})`} extra={rangeOf(d)}>
          <ParamInput def={d} />
        </Form.Item>
      ))}
      <Form.Item
        name="__reason"
        label={t('models.params.reason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('models.params.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="params-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={parameters.isPending}>
        {t('models.params.save')}
      </Button>
    </Form>
  );
}
