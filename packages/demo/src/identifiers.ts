/**
 * Identity numbers (GB 11643) and unified social credit codes (GB 32100) for the demo.
 * The check characters are computed here so the generator stands on its own; the tests
 * prove every one of them against core's validators, which are the ones imports use.
 */
import type { Rng } from './prng.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '0';
}

function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i] ?? '0') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '0';
}

/** Hands out identifiers that are valid and never repeat within one demo region. */
export class IdentifierFactory {
  private readonly ids = new Set<string>();
  private readonly usccs = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A valid 18-character identity number for someone born in `region6` on `birthDate`. */
  idNumber(region6: string, birthDate: string, sex: 'male' | 'female'): string {
    const ymd = birthDate.replaceAll('-', '');
    for (;;) {
      const seq = this.rng.int(0, 99) * 10 + this.rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0);
      const first17 = `${region6}${ymd}${String(seq).padStart(3, '0')}`;
      const id = first17 + idCheck(first17);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /**
   * A valid USCC. `category` is the first two characters: 11 organs of state, 12 public
   * institutions, 91 companies, 54 village committees (基层群众性自治组织), N1 rural
   * collective economic organisations.
   */
  uscc(category: string, division6: string): string {
    for (;;) {
      let body = '';
      for (let i = 0; i < 9; i++) body += this.rng.pick([...USCC_CHARSET]);
      const first17 = `${category}${division6}${body}`;
      const code = first17 + usccCheck(first17);
      if (!this.usccs.has(code)) {
        this.usccs.add(code);
        return code;
      }
    }
  }
}

/** The same identity number with a wrong check character: a planted bad value. */
export function breakIdCheck(id: string): string {
  const right = id[17] ?? '0';
  const wrong = right === '0' ? '1' : right === 'X' ? '7' : String((Number(right) + 3) % 10);
  return id.slice(0, 17) + wrong;
}

/** The same USCC with a wrong check character: a planted bad value. */
export function breakUsccCheck(code: string): string {
  const right = USCC_CHARSET.indexOf(code[17] ?? '0');
  return code.slice(0, 17) + (USCC_CHARSET[(right + 7) % 31] ?? '0');
}
