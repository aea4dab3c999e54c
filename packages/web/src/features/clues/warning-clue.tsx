import { Button, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { CreateClueModal } from './create-clue-modal';
import { JoinClueModal } from './join-clue-modal';
import { useClueOfWarning } from './use-clues';

/**
 * On a warning's page: the clue it became or joined, or, for a confirmed warning that is
 * in none yet, the buttons that make it a clue or join it to one already received.
 */
export function WarningClue({ warningId, confirmed }: { warningId: number; confirmed: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  const clue = useClueOfWarning(warningId, can('clue.read'));
  const clueId = clue.data?.clueId ?? null;
  if (clueId !== null) {
    return (
      <Link to={`/clues/${clueId}`} data-testid="warning-clue-link">
        {t('clues.warningInClue', { id: clueId })}
      </Link>
    );
  }
  if (!confirmed || !can('clue.handle') || !clue.isSuccess) return null;
  return (
    <Space wrap>
      <Button type="primary" onClick={() => setCreating(true)} data-testid="create-clue">
        {t('clues.createFromWarning')}
      </Button>
      <Button onClick={() => setJoining(true)} data-testid="join-clue">
        {t('clues.join.open')}
      </Button>
      {creating && <CreateClueModal warningIds={[warningId]} onClose={() => setCreating(false)} />}
      {joining && <JoinClueModal warningId={warningId} onClose={() => setJoining(false)} />}
    </Space>
  );
}
