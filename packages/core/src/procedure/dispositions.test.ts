import { describe, expect, it } from 'vitest';
import {
  FIRST_FORM_OUTCOMES,
  FIRST_FORM_OUTCOME_LABELS,
  FOUR_FORMS,
  FOUR_FORM_LABELS,
  GOVERNMENT_SANCTIONS,
  GOVERNMENT_SANCTION_LABELS,
  ORGANISATIONAL_HANDLINGS,
  ORGANISATIONAL_HANDLING_LABELS,
  PARTY_SANCTIONS,
  PARTY_SANCTION_LABELS,
  checkDispositions,
  classifyFourForm,
} from './dispositions.js';

describe('dispositions and the four forms', () => {
  it('classifies by the heaviest part', () => {
    expect(classifyFourForm({ subjectId: 'p', firstForm: 'admonition' })).toBe(1);
    expect(classifyFourForm({ subjectId: 'p', party: 'serious_warning', government: 'major_demerit' })).toBe(2);
    expect(classifyFourForm({ subjectId: 'p', organisational: ['post_adjustment'] })).toBe(2);
    expect(classifyFourForm({ subjectId: 'p', party: 'warning', organisational: ['removal_from_office'] })).toBe(3);
    expect(classifyFourForm({ subjectId: 'p', party: 'probation', government: 'dismissal_from_post' })).toBe(3);
    expect(classifyFourForm({ subjectId: 'p', party: 'expulsion', government: 'expulsion' })).toBe(3);
    expect(classifyFourForm({ subjectId: 'p', party: 'expulsion', transferToProcuratorate: true })).toBe(4);
  });

  it('rejects dispositions that decide nothing, repeat a person, invent a sanction or mix the first form with one', () => {
    const reasons = [
      checkDispositions([]),
      checkDispositions([{ subjectId: 'p' }]),
      checkDispositions([
        { subjectId: 'p', party: 'warning' },
        { subjectId: 'p', government: 'demerit' },
      ]),
      checkDispositions([{ subjectId: 'p', government: 'flogging' as never }]),
      checkDispositions([{ subjectId: 'p', organisational: 'post_adjustment' as never }]),
      checkDispositions([{ subjectId: 'p', firstForm: 'criticism', party: 'warning' }]),
      checkDispositions([{ subjectId: ' ', party: 'warning' }]),
    ];
    expect(reasons.map((r) => r?.en)).toEqual([
      'At least one person must be dealt with',
      'A disposition decides nothing',
      'A person appears twice among the dispositions',
      'A disposition has a kind that does not exist',
      'A disposition has a kind that does not exist',
      'A first-form outcome does not go with a sanction',
      'A disposition names no person',
    ]);
    expect(
      checkDispositions([
        { subjectId: 'p', party: 'warning', organisational: ['post_adjustment'] },
        { subjectId: 'q', firstForm: 'reminder_talk' },
      ]),
    ).toBeNull();
  });

  it('has words, not codes, for every outcome, sanction, handling and form', () => {
    const all = [
      ...FIRST_FORM_OUTCOMES.map((k) => FIRST_FORM_OUTCOME_LABELS[k]),
      ...PARTY_SANCTIONS.map((k) => PARTY_SANCTION_LABELS[k]),
      ...GOVERNMENT_SANCTIONS.map((k) => GOVERNMENT_SANCTION_LABELS[k]),
      ...ORGANISATIONAL_HANDLINGS.map((k) => ORGANISATIONAL_HANDLING_LABELS[k]),
      ...FOUR_FORMS.map((k) => FOUR_FORM_LABELS[k]),
    ];
    for (const label of all) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z]/);
    }
    expect(PARTY_SANCTION_LABELS.probation.zh).toBe('留党察看');
    expect(GOVERNMENT_SANCTION_LABELS.major_demerit.zh).toBe('记大过');
  });
});
