import { describe, expect, it } from 'vitest';
import { code } from '../datasets/define.js';
import { normaliseAccount } from './account.js';
import { normaliseBool } from './bool.js';
import { normaliseLat, normaliseLon } from './coordinate.js';
import { normaliseDecimal } from './decimal.js';
import { normaliseEnum } from './enum.js';
import { normaliseInt } from './int.js';
import { normalisePhone } from './phone.js';
import { normaliseText } from './text.js';

describe('normaliseBool', () => {
  it.each(['是', 'Y', 'y', 'yes', '1', 'true', 'TRUE', '有', '√', 'Ｙ'])('reads %s as true', (raw) => {
    expect(normaliseBool(raw)).toEqual({ ok: true, value: true });
  });
  it.each(['否', 'N', 'no', '0', 'false', '无', '×'])('reads %s as false', (raw) => {
    expect(normaliseBool(raw)).toEqual({ ok: true, value: false });
  });
  it('refuses other words and lists the accepted ones', () => {
    const r = normaliseBool('也许');
    expect(!r.ok && r.reason.zh).toContain('是/否');
  });
});

describe('normaliseEnum', () => {
  const values = [code('red_flushed', '红冲', 'Reversed', ['已红冲']), code('void', '作废', 'Void')];
  it.each(['red_flushed', 'RED_FLUSHED', 'ｒｅｄ＿ｆｌｕｓｈｅｄ', '红冲', ' 已红冲 ', 'Reversed'])(
    'reads %s as red_flushed',
    (raw) => {
      expect(normaliseEnum(values, raw)).toEqual({ ok: true, value: 'red_flushed' });
    },
  );
  it('lists the allowed codes with their Chinese labels', () => {
    const r = normaliseEnum(values, '蓝字');
    expect(!r.ok && r.reason.zh).toContain('红冲(red_flushed)、作废(void)');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0591-87654321', '0591-87654321'],
    ['0591-87654321转8001', '0591-87654321转8001'],
  ])('reads %s as %s', (raw, phone) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, value: phone });
  });
  it('refuses text that is not a number', () => {
    expect(normalisePhone('无').ok).toBe(false);
  });
});

describe('normaliseAccount', () => {
  it('removes the groups cards are printed in', () => {
    expect(normaliseAccount('6222 0212 3456 7890 123')).toEqual({ ok: true, value: '6222021234567890123' });
  });
  it('explains that an account in scientific notation has lost digits', () => {
    const r = normaliseAccount('6.22202E+18');
    expect(!r.ok && r.reason.zh).toContain('科学计数法');
  });
});

describe('normaliseText', () => {
  it('trims and folds full width', () => {
    expect(normaliseText('　ＡＢＣ有限公司 ')).toEqual({ ok: true, value: 'ABC有限公司' });
  });
});

describe('normaliseInt', () => {
  it.each([
    ['12', 12],
    ['1,200', 1200],
    ['12.0', 12],
    ['-3', -3],
    ['１２', 12],
  ])('reads %s as %d', (raw, n) => {
    expect(normaliseInt(raw)).toEqual({ ok: true, value: n });
  });
  it('refuses a fraction rather than truncating it', () => {
    expect(normaliseInt('12.5').ok).toBe(false);
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['12.50', '12.5'],
    ['1,234.5', '1234.5'],
    ['35%', '35'],
    ['1.2e3', '1200'],
    ['0.000', '0'],
    ['-0.50', '-0.5'],
  ])('reads %s as %s', (raw, text) => {
    expect(normaliseDecimal(raw)).toEqual({ ok: true, value: text });
  });
});

describe('normaliseLat / normaliseLon', () => {
  it('accepts coordinates in range, with a degree sign', () => {
    expect(normaliseLat('26.0745')).toEqual({ ok: true, value: 26.0745 });
    expect(normaliseLon('119.2965°')).toEqual({ ok: true, value: 119.2965 });
  });
  it('refuses a latitude beyond 90 (often longitude and latitude swapped)', () => {
    const r = normaliseLat('119.2965');
    expect(!r.ok && r.reason.en).toContain('outside -90 to 90');
  });
  it('refuses a longitude beyond 180', () => {
    expect(normaliseLon('181').ok).toBe(false);
  });
});
