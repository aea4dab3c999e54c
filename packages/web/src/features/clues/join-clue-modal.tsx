import { OPEN_CLUE_STATES } from '@qingfeng/core';
import { Form, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useClues, useJoinWarnings } from './use-clues';

/** How many of the registry's newest clues are offered: enough for a county's open work. */
const OFFERED = 200;

/**
 * Joins a confirmed warning to a clue already received (并入已有线索): the handler picks one
 * of the open clues of the registry by number and title; the server checks the rest. Opens
 * the clue once the warning is in it.
 */
export function JoinClueModal({ warningId, onClose }: { warningId: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ clueId: number }>();
  const navigate = useNavigate();
  const { fail } = useNotify();
  const join = useJoinWarnings();
  const clues = useClues({}, undefined, OFFERED);
  const open = (clues.data?.items ?? []).filter((c) => OPEN_CLUE_STATES.includes(c.state));

  const submit = ({ clueId }: { clueId: number }) => {
    // Awaited here: refreshing the warning's clue replaces the button that opened this form.
    join.mutateAsync({ clueId, warningIds: [warningId] }).then(
      () => void navigate(`/clues/${clueId}`),
      (error: unknown) => fail(error),
    );
  };

  return (
    <Modal
      open
      title={t('clues.join.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('clues.join.submit')}
      confirmLoading={join.isPending}
      okButtonProps={{ 'data-testid': 'join-clue-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('clues.join.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="clueId" label={t('clues.join.clue')} rules={[{ required: true }]}>
          <Select
            showSearch
            loading={clues.isPending}
            data-testid="join-clue-select"
            optionFilterProp="label"
            notFoundContent={t('clues.join.none')}
            options={open.map((c) => ({
              value: c.id,
              label: `${c.registrationNumber ?? t('clues.join.unregistered', { id: c.id })} ${c.title}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
