import { maskAccountNumber } from '@qingfeng/core';
import type { Lake } from '../../lake/index.js';
import type { ModelHit } from '../../models-engine/index.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import { accountKeyOf, findAccountCiphertexts } from '../datasets/index.js';

/**
 * A model that reads a bank account (W09's `account_no`) gets the account's key
 * (`#<account_key>`), the lake's form of it. A warning keeps its facts and explanation in
 * the operational store and shows them to every role, so each such fact becomes the masked
 * number (last four kept): the whole number stays sealed in `account_index`, shown only
 * through the evidence rows' reasoned unmask.
 */
export async function maskAccountFacts(
  lake: Lake,
  crypto: FieldCrypto,
  hits: readonly ModelHit[],
): Promise<ModelHit[]> {
  const keyOf = (value: unknown) => (typeof value === 'string' ? accountKeyOf(value) : null);
  const keys = hits.flatMap((h) => Object.values(h.facts).flatMap((v) => keyOf(v) ?? []));
  if (keys.length === 0) return [...hits];
  const sealed = await findAccountCiphertexts(lake, keys);
  const masked = new Map([...sealed].map(([key, enc]) => [key, maskAccountNumber(crypto.decrypt(enc))]));
  return hits.map((hit) => {
    const facts = Object.fromEntries(
      Object.entries(hit.facts).map(([name, value]) => {
        const key = keyOf(value);
        return [name, key === null ? value : (masked.get(key) ?? null)];
      }),
    );
    return { ...hit, facts };
  });
}
