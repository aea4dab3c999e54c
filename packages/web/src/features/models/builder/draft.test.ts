import { describe, expect, it } from 'vitest';
import { type DraftExists, removeExists } from './draft';

const check = (n: number): DraftExists => ({
  negate: true,
  dataset: 'death',
  on: [{ left: 'a.id', right: 'id' }],
  conditions: [{ left: `x${n}.death_date`, op: '<', right: { kind: 'field', field: `x${n}.death_date` } }],
});

describe('removeExists', () => {
  it('moves the later checks up one alias, with the fields their conditions name', () => {
    const after = removeExists([check(1), check(2), check(3)], 1);
    expect(after).toEqual([check(1), check(2)]);
  });

  it('leaves the sources’ fields alone', () => {
    const third = { ...check(2), conditions: [{ ...check(2).conditions[0]!, left: 'a.paid_on' }] };
    expect(removeExists([check(1), third], 0)[0]?.conditions[0]).toMatchObject({
      left: 'a.paid_on',
      right: { field: 'x1.death_date' },
    });
  });
});
