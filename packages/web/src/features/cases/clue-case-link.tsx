import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { useCaseOfClue } from './use-cases';

/** From a clue proposed for filing, the way to its case (for those who may read cases). */
export function ClueCaseLink({ clueId, filed }: { clueId: number; filed: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const found = useCaseOfClue(clueId, filed && can('case.read'));
  const caseId = found.data?.caseId;
  if (!filed || caseId === null || caseId === undefined) return null;
  return (
    <Link to={`/cases/${caseId}`} data-testid="clue-case-link">
      {t('cases.clueCase', { id: caseId })}
    </Link>
  );
}
