/**
 * GB/T 2260 province-level codes (first two digits of a division or identity number).
 * 71 is Taiwan, 81/82 Hong Kong and Macao; 83 is used by residence permits for Taiwan
 * residents, which follow the identity number format.
 */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
];

const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCE_PREFIXES);

/** Whether the first two digits of `code` are a province-level code. */
export function hasProvincePrefix(code: string): boolean {
  return PROVINCE_CODES.has(code.slice(0, 2));
}
