import { OverdueList } from '../clues/overdue-list';
import { useOverdueCases } from './use-cases';

/** The overdue cases of the user's jurisdiction (the clues' overdue-list.tsx). */
export function OverdueCasesPage() {
  return (
    <OverdueList
      useOverdue={useOverdueCases}
      registryPath="/cases"
      numberOf={(c) => c.caseNumber}
      stateWidth={170}
      testId="overdue-case-table"
      texts={{
        title: 'cases.overdue.title',
        registry: 'cases.overdue.registry',
        hint: 'cases.overdue.hint',
        badPosition: 'cases.overdue.badPosition',
        first: 'cases.overdue.first',
        none: 'cases.overdue.none',
        deadline: 'cases.deadline',
        number: 'cases.number',
        noNumber: 'cases.unnumbered',
        titleField: 'cases.titleField',
        problemType: 'cases.problemType',
        state: 'cases.state',
      }}
    />
  );
}
