/**
 * How departments write values. Each file picks one style per kind of value, as a real
 * export does; across files every accepted raw form of the standard appears.
 */
import type { FieldDef } from '@qingfeng/core';
import type { Rng } from './prng.js';
import type { Cell } from './world.js';

export type DateStyle = 'iso' | 'slash' | 'compact' | 'chinese' | 'dot';
export type MoneyStyle = 'plain' | 'grouped' | 'yuan-sign' | 'yuan-suffix' | 'wan-mixed';
export type EnumStyle = 'code' | 'label' | 'term';
export type BoolStyle = 'chinese' | 'yn' | 'digit';

/** The value styles of one file. */
export interface FileStyle {
  date: DateStyle;
  money: MoneyStyle;
  enums: EnumStyle;
  bool: BoolStyle;
}

/** Writes an ISO date in a department's style. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dot':
      return `${y}.${Number(m)}.${Number(d)}`;
  }
}

/** A date that cannot exist (February 30th), in the file's style: a planted bad value. */
export function impossibleDate(iso: string, style: DateStyle): string {
  return formatDate(`${iso.slice(0, 4)}-02-30`, style);
}

function twoDecimals(yuan: number): string {
  return yuan.toFixed(2);
}

/** Writes yuan in a department's style; `wan-mixed` uses 万元 for round hundreds only. */
export function formatMoney(yuan: number, style: MoneyStyle, rng: Rng): string {
  switch (style) {
    case 'plain':
      return String(yuan);
    case 'grouped':
      return yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'yuan-sign':
      return `￥${yuan}`;
    case 'yuan-suffix':
      return `${twoDecimals(yuan)}元`;
    case 'wan-mixed':
      // Exact in 万元 only when the amount is whole hundreds; otherwise a clerk writes yuan.
      return Number.isInteger(yuan / 100) && rng.chance(0.5) ? `${yuan / 10000}万元` : `${twoDecimals(yuan)}元`;
  }
}

function formatEnum(field: Extract<FieldDef, { type: 'enum' }>, code: string, style: EnumStyle, rng: Rng): string {
  const value = field.values.find((v) => v.code === code);
  if (!value) throw new Error(`demo wrote ${code}, which is not a code of ${field.key}`);
  if (style === 'code') return code;
  if (style === 'label' || value.terms.length === 0) return value.label.zh;
  // Numeric terms (GB/T 2261 sex codes 1/2) only where a department really uses them.
  const words = value.terms.filter((t) => !/^\d+$/.test(t));
  return words.length > 0 ? rng.pick(words) : value.label.zh;
}

/** Writes one standard-form cell as a department's text. */
export function formatCell(field: FieldDef, cell: Cell, style: FileStyle, rng: Rng): string {
  if (cell === null) return '';
  switch (field.type) {
    case 'date':
      return formatDate(String(cell), style.date);
    case 'datetime': {
      const [day = '', time = ''] = String(cell).split(' ');
      return `${formatDate(day, style.date === 'compact' ? 'iso' : style.date)} ${style.date === 'slash' ? time.slice(0, 5) : time}`;
    }
    case 'month': {
      const [y, m] = String(cell).split('-');
      return style.date === 'compact' ? `${y}${m}` : style.date === 'chinese' ? `${y}年${Number(m)}月` : String(cell);
    }
    case 'money':
      return formatMoney(Number(cell), style.money, rng);
    case 'bool': {
      const words: Record<BoolStyle, [string, string]> = { chinese: ['是', '否'], yn: ['Y', 'N'], digit: ['1', '0'] };
      return words[style.bool][cell === true ? 0 : 1];
    }
    case 'enum':
      return formatEnum(field, String(cell), style.enums, rng);
    // Codes, names, numbers and coordinates are written as they are: departments differ in
    // headers, dates and amounts, not in how they print an identity number.
    case 'id':
    case 'uscc':
    case 'subject':
    case 'division':
    case 'phone':
    case 'account':
    case 'text':
    case 'int':
    case 'decimal':
    case 'lat':
    case 'lon':
      return String(cell);
  }
}
