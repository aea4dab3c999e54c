import { maskIdNumber } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Platform } from '../../platform/platform.js';
import { rowJurisdictionOf } from '../datasets/index.js';
import { findSubjectIdentifiers } from './evidence.lake.js';
import { findNamesInScope } from './people/people.lake.js';

/** Whom a warning is about, opened on the server for a clue to name them (sealed again there). */
export type WarningSubject =
  | { readonly kind: 'person'; readonly name: string; readonly idNumber: string }
  | { readonly kind: 'organisation'; readonly name: string; readonly creditCode: string };

/**
 * The people and units these subject keys stand for, in key order: a person's identity
 * number and the name the rows inside `prefix` give them, a unit's credit code. A person no
 * row in the jurisdiction names goes by their masked number, and a unit by its code (the
 * lake keeps no unit names beside it), so nothing is invented and nothing leaks. The
 * identifiers are plain text: the caller seals them at once and never sends them out.
 * `db` is the store or the caller's transaction (an embedded store has one connection).
 */
export async function findWarningSubjects(
  platform: Platform,
  db: Kysely<DB>,
  prefix: string,
  subjectKeys: readonly number[],
): Promise<WarningSubject[]> {
  const keys = [...new Set(subjectKeys)].sort((a, b) => a - b);
  if (keys.length === 0) return [];
  const identifiers = await findSubjectIdentifiers(platform.lake, keys);
  const people = keys.filter((k) => identifiers.get(k)?.kind === 'person');
  const scope = await rowJurisdictionOf(db, prefix);
  const names = await findNamesInScope(platform.lake, scope, people);
  return keys.flatMap((key): WarningSubject[] => {
    const found = identifiers.get(key);
    if (!found) return [];
    const identifier = platform.fieldCrypto.decrypt(found.enc);
    return found.kind === 'person'
      ? [{ kind: 'person', name: names.get(key) ?? maskIdNumber(identifier), idNumber: identifier }]
      : [{ kind: 'organisation', name: identifier, creditCode: identifier }];
  });
}
