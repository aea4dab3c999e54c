import { literalText, type ModelParameter } from '@qingfeng/core';
import { Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../i18n';

/** How a parameter's value is held in a form (geofences as JSON text). */
export function toFormValue(def: ModelParameter, value: unknown): unknown {
  return def.type === 'geofences' ? JSON.stringify(value ?? []) : value;
}

/** The value sent to the server; throws on unreadable geofence JSON. */
export function fromFormValue(def: ModelParameter, value: unknown): unknown {
  if (def.type === 'geofences') return JSON.parse(typeof value === 'string' && value ? value : '[]') as unknown;
  if (value === undefined || value === '') return null;
  return value;
}

/** One input fitting the parameter's type and range. */
export function ParamInput({
  def,
  ...props
}: {
  def: ModelParameter;
  value?: unknown;
  onChange?: (v: unknown) => void;
}) {
  const { lang } = useI18n();
  const value = props.value;
  const onChange = props.onChange;
  // Options are codes (programmes, vehicle types, company roles): each shown by its label.
  const optionsOf = (options: readonly string[]) => options.map((o) => ({ value: o, label: literalText(o, lang) }));
  switch (def.type) {
    case 'int':
    case 'number':
    case 'money':
      return (
        <InputNumber
          style={{ width: 200 }}
          min={def.min}
          max={def.max}
          precision={def.type === 'int' ? 0 : undefined}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v)}
        />
      );
    case 'bool':
      return <Switch checked={value === true} onChange={(v) => onChange?.(v)} />;
    case 'text':
      return def.options ? (
        <Select
          style={{ width: 240 }}
          value={value as string | undefined}
          onChange={(v) => onChange?.(v)}
          options={optionsOf(def.options)}
        />
      ) : (
        <Input
          style={{ width: 240 }}
          value={(value as string | null) ?? ''}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'date':
      return (
        <Input
          style={{ width: 200 }}
          placeholder="YYYY-MM-DD"
          value={(value as string | null) ?? ''}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'text_list':
    case 'date_list':
      return (
        <Select
          mode={def.options ? 'multiple' : 'tags'}
          style={{ minWidth: 320 }}
          value={(value as string[] | null) ?? []}
          onChange={(v) => onChange?.(v)}
          options={optionsOf(def.options ?? [])}
          optionFilterProp="label"
        />
      );
    case 'geofences':
      return (
        <Input.TextArea
          rows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
  }
}
