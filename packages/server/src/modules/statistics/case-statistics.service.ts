import {
  CASE_STATE_LABELS,
  CASE_STATES,
  CASE_TERMINAL_STATES,
  FIRST_FORM_OUTCOME_LABELS,
  FOUR_FORM_LABELS,
  FOUR_FORMS,
  GOVERNMENT_SANCTION_LABELS,
  GOVERNMENT_SANCTIONS,
  type LocalisedText,
  ORGANISATIONAL_HANDLING_LABELS,
  ORGANISATIONAL_HANDLINGS,
  PARTY_SANCTION_LABELS,
  PARTY_SANCTIONS,
  PROPERTY_PLACE_LABELS,
  PROPERTY_PLACES,
  FIRST_FORM_OUTCOMES,
  buildLedger,
  ledgerBalance,
} from '@qingfeng/core';
import type { Platform } from '../../platform/platform.js';
import { commissionDate } from '../clues/index.js';
import { CaseStatisticsRepository, type DispositionCell } from './case-statistics.repository.js';
import type { TCaseStatistics } from './case-statistics.schemas.js';

const days = (value: number) => Math.round(value * 10) / 10;

/** The codes of `order` that occur, in that order, each with its label and count. */
function coded(order: readonly string[], labels: Record<string, LocalisedText>, counts: Map<string, number>) {
  return order
    .filter((code) => (counts.get(code) ?? 0) > 0)
    .map((code) => ({ code, label: labels[code] as LocalisedText, count: counts.get(code) ?? 0 }));
}

function countBy(cells: readonly DispositionCell[], keyOf: (c: DispositionCell) => string | null) {
  const out = new Map<string, number>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key !== null) out.set(key, (out.get(key) ?? 0) + cell.count);
  }
  return out;
}

/** The case figures inside the viewer's jurisdiction (`prefix`). */
export async function getCaseStatistics(platform: Platform, prefix: string): Promise<TCaseStatistics> {
  const repository = new CaseStatisticsRepository(platform.database.db);
  const now = platform.clock.now();
  const today = commissionDate(now);
  const [states, stays, dispositions, organisational, forms, entries] = await Promise.all([
    repository.countByState(prefix, today),
    repository.stayDurations(prefix),
    repository.dispositions(prefix),
    repository.organisationalHandlings(prefix),
    repository.fourForms(prefix),
    repository.ledgerEntries(prefix),
  ]);
  const running = states.reduce((sum, s) => sum + s.running, 0);
  const overdue = states.reduce((sum, s) => sum + s.overdue, 0);
  const balance = ledgerBalance(buildLedger(entries).ledger);
  return {
    asOf: now,
    today,
    total: states.reduce((sum, s) => sum + s.count, 0),
    byState: CASE_STATES.flatMap((state) => {
      const row = states.find((s) => s.state === state);
      return row
        ? [{ state, label: CASE_STATE_LABELS[state], open: !CASE_TERMINAL_STATES.includes(state), count: row.count }]
        : [];
    }),
    overdue: { running, overdue, rate: running === 0 ? null : Math.round((overdue / running) * 1000) / 1000 },
    durations: CASE_STATES.flatMap((state) => {
      const stay = stays.find((s) => s.state === state);
      return stay
        ? [
            {
              state,
              label: CASE_STATE_LABELS[state],
              count: stay.count,
              medianDays: days(stay.median),
              p90Days: days(stay.p90),
            },
          ]
        : [];
    }),
    dispositions: {
      people: dispositions.reduce((sum, c) => sum + c.count, 0),
      party: coded(
        PARTY_SANCTIONS,
        PARTY_SANCTION_LABELS,
        countBy(dispositions, (c) => c.party),
      ),
      government: coded(
        GOVERNMENT_SANCTIONS,
        GOVERNMENT_SANCTION_LABELS,
        countBy(dispositions, (c) => c.government),
      ),
      organisational: coded(
        ORGANISATIONAL_HANDLINGS,
        ORGANISATIONAL_HANDLING_LABELS,
        new Map(organisational.map((o) => [o.handling, o.count])),
      ),
      firstForm: coded(
        FIRST_FORM_OUTCOMES,
        FIRST_FORM_OUTCOME_LABELS,
        countBy(dispositions, (c) => c.first_form),
      ),
      transferToProcuratorate: dispositions.filter((c) => c.transfer).reduce((sum, c) => sum + c.count, 0),
    },
    fourForms: FOUR_FORMS.map((form) => ({
      form,
      label: FOUR_FORM_LABELS[form],
      count: forms.find((f) => f.form === form)?.count ?? 0,
    })),
    property: {
      registered: balance.registered,
      byPlace: PROPERTY_PLACES.map((place) => ({
        place,
        label: PROPERTY_PLACE_LABELS[place],
        fen: balance.totals.fen[place],
        piece: balance.totals.piece[place],
      })),
      balanced: balance.balanced,
    },
  };
}
