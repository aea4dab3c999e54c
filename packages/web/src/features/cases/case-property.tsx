import {
  PROPERTY_KINDS,
  PROPERTY_KIND_LABELS,
  PROPERTY_PLACES,
  PROPERTY_PLACE_LABELS,
  type PropertyPlace,
} from '@qingfeng/core';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CaseLedger, LedgerEntryInput } from '../../api/cases';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useCan } from '../auth/use-me';
import { useAddLedgerEntry, useLedger } from './use-cases';

type Item = CaseLedger['items'][number];

/** Money is kept in fen and shown in yuan; other things are counted in pieces. */
const shown = (unit: 'fen' | 'piece', quantity: number) =>
  unit === 'fen' ? `¥${(quantity / 100).toFixed(2)}` : String(quantity);
const stored = (unit: 'fen' | 'piece', value: number) => (unit === 'fen' ? Math.round(value * 100) : value);
/** Frozen money and property in custody say which account or storeroom; the other places need not. */
const needsWhere = (place: PropertyPlace | undefined) => place === 'frozen' || place === 'custody';

interface EntryValues {
  itemId?: string;
  kind?: string;
  description?: string;
  unit?: 'fen' | 'piece';
  quantity: number;
  from?: string;
  toPlace: PropertyPlace;
  toWhere?: string;
  authority?: string;
}

/** The form of one ledger entry: a registration, or a movement of an item from one of its places. */
function EntryModal({
  caseId,
  items,
  type,
  onClose,
}: {
  caseId: number;
  items: Item[];
  type: 'register' | 'move';
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<EntryValues>();
  const [problem, setProblem] = useState<string>();
  const add = useAddLedgerEntry(caseId);
  const itemId = Form.useWatch('itemId', form);
  const toPlace = Form.useWatch('toPlace', form);
  const item = items.find((i) => i.itemId === itemId);
  const places = (list: readonly PropertyPlace[]) =>
    list.map((p) => ({ value: p, label: PROPERTY_PLACE_LABELS[p][lang] }));

  const submit = (v: EntryValues) => {
    setProblem(undefined);
    const to = { place: v.toPlace, where: needsWhere(v.toPlace) ? (v.toWhere ?? '').trim() : '' };
    let entry: LedgerEntryInput;
    if (type === 'register') {
      entry = {
        type,
        kind: v.kind as never,
        description: v.description!,
        unit: v.unit!,
        quantity: stored(v.unit!, v.quantity),
        to,
      };
    } else {
      const from = item!.locations[Number(v.from)]!;
      entry = {
        type,
        itemId: item!.itemId,
        quantity: stored(item!.unit, v.quantity),
        from: { place: from.place, where: from.where },
        to,
        ...(v.authority?.trim() ? { authority: v.authority.trim() } : {}),
      };
    }
    add.mutate(entry, {
      onSuccess: onClose,
      onError: (error) => {
        const reason = (error as { body?: { reason?: { zh: string; en: string } } }).body?.reason;
        setProblem(reason ? reason[lang] : errorText(t, error));
      },
    });
  };

  return (
    <Modal
      open
      title={t(`cases.property.${type}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
    >
      <Form<EntryValues> form={form} layout="vertical" onFinish={submit} initialValues={{ unit: 'fen' }}>
        {type === 'register' ? (
          <>
            <Form.Item name="kind" label={t('cases.property.kind')} rules={[{ required: true }]}>
              <Select options={PROPERTY_KINDS.map((k) => ({ value: k, label: PROPERTY_KIND_LABELS[k][lang] }))} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('cases.property.description')}
              rules={[{ required: true, whitespace: true, max: 2000 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="unit" label={t('cases.property.unit')} rules={[{ required: true }]}>
              <Select
                options={(['fen', 'piece'] as const).map((u) => ({ value: u, label: t(`cases.property.unit.${u}`) }))}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="itemId" label={t('cases.property.item')} rules={[{ required: true }]}>
              <Select options={items.map((i) => ({ value: i.itemId, label: `${i.itemId} · ${i.description}` }))} />
            </Form.Item>
            <Form.Item name="from" label={t('cases.property.from')} rules={[{ required: true }]}>
              <Select
                options={(item?.locations ?? []).map((l, n) => ({
                  value: String(n),
                  label: `${l.placeLabel[lang]} ${l.where} · ${shown(item!.unit, l.quantity)}`,
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="quantity" label={t('cases.property.quantity')} rules={[{ required: true }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="toPlace"
          label={type === 'register' ? t('cases.property.place') : t('cases.property.to')}
          rules={[{ required: true }]}
        >
          <Select options={places(type === 'register' ? ['frozen', 'custody'] : PROPERTY_PLACES)} />
        </Form.Item>
        {needsWhere(toPlace) && (
          <Form.Item
            name="toWhere"
            label={t('cases.property.account')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
        )}
        {type === 'move' && (
          <Form.Item name="authority" label={t('cases.property.authority')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}

/** The money and property of a case: each item, where it is and how much, and whether the ledger balances. */
export function CasePropertyTab({ caseId }: { caseId: number }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const ledger = useLedger(caseId);
  const [entry, setEntry] = useState<'register' | 'move'>();
  const items = ledger.data?.items ?? [];
  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        {ledger.data && (
          <Tag color={ledger.data.balance.balanced ? 'green' : 'red'} data-testid="ledger-balance">
            {t(ledger.data.balance.balanced ? 'cases.property.balanced' : 'cases.property.unbalanced')}
          </Tag>
        )}
        {can('case.handle') && (
          <Space wrap>
            <Button onClick={() => setEntry('register')}>{t('cases.property.register')}</Button>
            <Button disabled={items.length === 0} onClick={() => setEntry('move')}>
              {t('cases.property.move')}
            </Button>
          </Space>
        )}
      </Flex>
      <Table<Item>
        rowKey="itemId"
        size="small"
        pagination={false}
        loading={ledger.isFetching}
        scroll={{ x: 700 }}
        dataSource={items}
        locale={{ emptyText: t('cases.property.none') }}
        columns={[
          {
            title: t('cases.property.item'),
            key: 'item',
            render: (_, i) => `${i.itemId} · ${i.kindLabel[lang]} · ${i.description}`,
          },
          {
            title: t('cases.property.registered'),
            key: 'registered',
            width: 140,
            render: (_, i) => shown(i.unit, i.registered),
          },
          {
            title: t('cases.property.where'),
            key: 'where',
            width: 300,
            render: (_, i) =>
              i.locations.map((l) => (
                <div key={l.place + l.where}>
                  {l.placeLabel[lang]} {l.where} · {shown(i.unit, l.quantity)}
                </div>
              )),
          },
        ]}
      />
      {entry && <EntryModal caseId={caseId} items={items} type={entry} onClose={() => setEntry(undefined)} />}
    </>
  );
}
