/**
 * The import benchmark's input: synthetic benefit_payment rows, every one valid for the
 * import, and the CSV files made of them. The tests that need many valid rows (the staging
 * SQL, the import killed midway) use the same rows, re-exported by the tests' test-data.ts.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { composeIdNumber } from '@qingfeng/core';
import iconv from 'iconv-lite';

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

// Every payment is made in one township; its county is the region in the identity numbers.
const DIVISION = '330106001001';
const REGION = DIVISION.slice(0, 6);

/** One benefit_payment row for row i: a person paid monthly (ids repeat every `people` rows). */
export function benefitPaymentRow(i: number, people = 100_000): string[] {
  const person = i % people;
  const year = 1940 + (person % 60);
  const birth = `${year}${String((person % 12) + 1).padStart(2, '0')}${String((person % 28) + 1).padStart(2, '0')}`;
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    `P${i}`,
    i % 2 === 0 ? 'dibao' : '特困人员供养',
    composeIdNumber(REGION, birth, person % 1000),
    `张${person}`,
    DIVISION,
    `${(300 + (i % 500)).toFixed(2)}`,
    `2024-${month}-15`,
    `2024-${month}`,
  ];
}

/** Writes a benefit_payment CSV of `rows` data rows (rows 0 to rows - 1) in UTF-8 or GBK, streaming. */
export async function writeBenefitPayments(file: string, rows: number, encoding: 'utf-8' | 'gbk'): Promise<void> {
  const out = createWriteStream(file);
  const encode = (text: string): Buffer => (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  let chunk = `${BENEFIT_PAYMENT_HEADER.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${benefitPaymentRow(i).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(encode(chunk))) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(encode(chunk));
  out.end();
  await once(out, 'finish');
}
