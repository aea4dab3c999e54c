import { OverdueList } from './overdue-list';
import { useOverdueClues } from './use-clues';

/** The overdue clues of the user's jurisdiction (overdue-list.tsx). */
export function OverdueCluesPage() {
  return (
    <OverdueList
      useOverdue={useOverdueClues}
      registryPath="/clues"
      numberOf={(clue) => clue.registrationNumber}
      stateWidth={150}
      testId="overdue-table"
      texts={{
        title: 'clues.overdue.title',
        registry: 'clues.overdue.registry',
        hint: 'clues.overdue.hint',
        badPosition: 'clues.overdue.badPosition',
        first: 'clues.overdue.first',
        none: 'clues.overdue.none',
        deadline: 'clues.deadline',
        number: 'clues.number',
        noNumber: 'clues.unregistered',
        titleField: 'clues.titleField',
        problemType: 'clues.problemType',
        state: 'clues.state',
      }}
    />
  );
}
