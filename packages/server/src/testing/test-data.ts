import { composeIdNumber } from '@qingfeng/core';

/**
 * Test data for import tests: valid identity numbers, and the benchmark's benefit_payment
 * rows and files (bench/benefit-payments.ts) for tests that need many valid rows.
 */

export { BENEFIT_PAYMENT_HEADER, benefitPaymentRow, writeBenefitPayments } from '../bench/benefit-payments.js';

/** A valid 18-digit identity number: region 330106, the given birth date (YYYYMMDD), a sequence number. */
export function makeIdNumber(birth: string, seq: number): string {
  return composeIdNumber('330106', birth, seq % 1000);
}

/** The same number with its check digit made wrong. */
export function withBadCheckDigit(id: string): string {
  const wrong = id[17] === '1' ? '2' : '1';
  return id.slice(0, 17) + wrong;
}
