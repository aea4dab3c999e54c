import { idCheckCharacter } from '@qingfeng/core';

/**
 * A valid identity number (GB 11643) of someone born on `birth` (YYYYMMDD) in Dongcheng,
 * Beijing, the division the tests' data belongs to; `sequence` (three digits) tells people apart.
 */
export function validId(birth: string, sequence: string): string {
  const first17 = `110101${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}
