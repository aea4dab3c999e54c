import { describe, expect, it } from 'vitest';
import { fieldsReadByModel } from './fields-read.js';
import { BUILTIN_MODELS, findBuiltinModel } from './library/index.js';

const asObject = (m: Map<string, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]));

describe('fieldsReadByModel', () => {
  it('reads the fields a SQL template selects, by its table aliases and lake columns', () => {
    const read = asObject(fieldsReadByModel(findBuiltinModel('C04')!));
    expect(read.collective_lease).toEqual(
      expect.arrayContaining([
        'annual_rent',
        'end_date',
        'lease_id',
        'lessee',
        'lessee_name',
        'org_code',
        'start_date',
      ]),
    );
    expect(read.collective_ledger).toEqual(
      expect.arrayContaining(['amount', 'counterparty', 'date', 'direction', 'org_code', 'purpose']),
    );
  });

  it('finds, for every built-in model, fields of each dataset it lists as input and none of others', () => {
    for (const model of BUILTIN_MODELS) {
      const read = fieldsReadByModel(model);
      expect(
        [...read.keys()].every((d) => model.inputs.includes(d)),
        model.id,
      ).toBe(true);
      expect(read.size, model.id).toBeGreaterThan(0);
    }
  });
});
