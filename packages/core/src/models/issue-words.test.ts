import { describe, expect, it } from 'vitest';
import { messageWords, placeWords } from './issue-words.js';
import { findBuiltinModel } from './library/index.js';
import type { ModelSpec, RuleLogic } from './spec-types.js';
import { checkModelSpec } from './validate.js';

const W01 = findBuiltinModel('W01') as ModelSpec;
const rule = W01.logic as RuleLogic;

/** What a builder user can get wrong, one mistake per document. */
const MISTAKES: Record<string, ModelSpec> = {
  'empty ID': { ...W01, id: '' },
  'no Chinese name': { ...W01, name: { zh: '', en: 'x' } },
  'bad parameter code': { ...W01, parameters: [{ ...W01.parameters[0]!, key: 'Grace Days' }] },
  'default out of range': { ...W01, parameters: [{ ...W01.parameters[0]!, default: 999 }] },
  'unknown field': { ...W01, logic: { ...rule, facts: { ...rule.facts, name: 'p.nickname' } } },
  'text compared with an amount': {
    ...W01,
    logic: { ...rule, where: [{ op: '>', left: 'p.name', right: 'p.amount' }] },
  },
  'unknown placeholder': { ...W01, explanation: { zh: '{nobody}', en: '{nobody}' } },
  'dataset not read': { ...W01, inputs: ['benefit_payment'] },
  'no dataset': { ...W01, logic: { ...rule, sources: [] } },
  'subject not a subject': { ...W01, logic: { ...rule, subject: 'p.amount' } },
  'aggregate outside grouping': {
    ...W01,
    logic: { ...rule, where: [{ op: '>', left: { agg: 'count' }, right: { value: 1 } }] },
  },
  'unknown operator': {
    ...W01,
    logic: { ...rule, where: [{ op: 'like', left: 'p.name', right: { value: 'x' } }] },
  } as unknown as ModelSpec,
};

describe('a builder message', () => {
  it.each(Object.entries(MISTAKES))('names the field and the problem in words: %s', (_, spec) => {
    const issues = checkModelSpec(spec);
    expect(issues.length).toBeGreaterThan(0);
    for (const { message } of issues) {
      // No engine, no JSON path, and no English in the Chinese beyond what the user typed.
      expect(`${message.zh} ${message.en}`).not.toMatch(/duckdb|postgres|logic\.|parameters\[|\[\d+\]/i);
      expect(message.zh.replace(/“[^”]*”|"[^"]*"|\{[a-z_]+\}|[a-z_]+\(\)/g, '')).not.toMatch(/[A-Za-z]{2,}/);
      expect(message.zh).not.toContain('有误（');
      expect(message.en).not.toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('reads as the builder’s own names', () => {
    expect(placeWords('parameters[0].default', W01, 'zh')).toBe('参数“宽限天数”的默认值');
    expect(placeWords('parameters[0].default', W01, 'en')).toBe('Parameter "Grace period": default');
    expect(placeWords('logic.sources[1].on[0]', W01, 'zh')).toBe('数据集 2的关联键');
    expect(placeWords('logic.branches[0].where[0]', W01, 'en')).toBe('Branch 1 · Conditions');
    expect(messageWords('must be one of dibao, tekun').zh).toBe('须为以下之一：最低生活保障、特困人员供养');
  });

  it('keeps an unlisted engine message, behind words of the reader’s language', () => {
    expect(messageWords('something new')).toEqual({ zh: '有误（something new）', en: 'something new' });
  });
});
