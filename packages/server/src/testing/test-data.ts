import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { composeIdNumber } from '@qingfeng/core';

/**
 * Test data for import tests: valid identity numbers and generated files. Lives beside the
 * tests (not in them) because the kill-mid-import child process and the benchmark use it too.
 */

/** A valid 18-digit identity number: region 330106, the given birth date (YYYYMMDD), a sequence number. */
export function makeIdNumber(birth: string, seq: number): string {
  return composeIdNumber('330106', birth, seq % 1000);
}

/** The same number with its check digit made wrong. */
export function withBadCheckDigit(id: string): string {
  const wrong = id[17] === '1' ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

export const BENEFIT_PAYMENT_HEADER = [
  'payment_id',
  'program',
  'id',
  'name',
  'division',
  'amount',
  'paid_on',
  'period',
];

/** One benefit_payment row for row i: a person paid monthly (ids repeat every `people` rows). */
export function benefitPaymentRow(i: number, people = 100_000): string[] {
  const person = i % people;
  const year = 1940 + (person % 60);
  const birth = `${year}${String((person % 12) + 1).padStart(2, '0')}${String((person % 28) + 1).padStart(2, '0')}`;
  return [
    `P${i}`,
    i % 2 === 0 ? 'dibao' : '特困人员供养',
    makeIdNumber(birth, person),
    `张${person}`,
    '330106001001',
    `${(300 + (i % 500)).toFixed(2)}`,
    `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    `2024-${String((i % 12) + 1).padStart(2, '0')}`,
  ];
}

/** Writes a benefit_payment CSV of `rows` data rows, streaming (for large files). */
export async function writeBenefitPaymentCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${BENEFIT_PAYMENT_HEADER.join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${benefitPaymentRow(i).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
