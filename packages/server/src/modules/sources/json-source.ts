import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { RawValue } from '@qingfeng/core';
import { ByteCounter } from './byte-counter.js';
import { JsonArraySplitter } from './json-array-splitter.js';
import { LineGuard } from './line-guard.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, ReadLimitError, excerpt } from './read-limits.js';
import type { SourceHead, SourceItem } from './record-source.js';
import { decoderFor, detectEncoding } from './text-decoding.js';

// Records read before the header is fixed: JSON objects need not all carry every key, so
// the header is the union of keys over the first ones (later unknown keys are reported).
const HEADER_SAMPLE = 200;

type Element = { rowNo: number; text: string };

/** Splits a JSON array file into element texts, numbered from 1, without holding the array. */
async function* arrayElements(
  file: string,
  limits: ReadLimits,
  onBytes?: (total: number) => void,
): AsyncGenerator<Element> {
  const encoding = await detectEncoding(file);
  const stream = pipeline(createReadStream(file), new ByteCounter(onBytes), decoderFor(encoding), () => {});
  // A minified array is one line: its elements, not its lines, are what is bounded.
  const splitter = new JsonArraySplitter(limits.maxRecordBytes);
  let rowNo = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      for (const text of splitter.push(chunk)) yield { rowNo: ++rowNo, text };
    }
    splitter.end();
  } finally {
    stream.destroy();
  }
}

/** Splits a JSON Lines file into its non-blank lines, numbered by file line; an overlong line stops it. */
async function* lineElements(
  file: string,
  limits: ReadLimits,
  onBytes?: (total: number) => void,
): AsyncGenerator<Element> {
  const encoding = await detectEncoding(file);
  const stream = pipeline(
    createReadStream(file),
    new ByteCounter(onBytes),
    new LineGuard(limits, encoding, false),
    decoderFor(encoding),
    () => {},
  );
  let pending = '';
  let lineNo = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        lineNo += 1;
        if (line.trim() !== '') yield { rowNo: lineNo, text: line };
      }
    }
    lineNo += 1;
    if (pending.trim() !== '') yield { rowNo: lineNo, text: pending };
  } finally {
    stream.destroy();
  }
}

/** Refuses a header (the keys of the first records) longer than the limit, as a CSV header line would be. */
function checkHeaderLength(headers: readonly string[], limits: ReadLimits): void {
  let bytes = 0;
  for (const h of headers) bytes += Buffer.byteLength(h) + 1;
  if (bytes > limits.maxHeaderBytes) {
    const start = headers.join(',').slice(0, 400);
    throw new ReadLimitError('header', limits.maxHeaderBytes, { element: 1 }, start);
  }
}

function toRaw(value: unknown): RawValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  // Nested objects or arrays are kept as their JSON text; typed fields then refuse them.
  return JSON.stringify(value);
}

type Parsed = { rowNo: number; object: Record<string, unknown> } | SourceItem;

function parseElement(element: Element): Parsed {
  try {
    const value: unknown = JSON.parse(element.text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { rowNo: element.rowNo, object: value as Record<string, unknown> };
    }
    return problem(element, '记录不是 JSON 对象', 'the record is not a JSON object');
  } catch (error) {
    return problem(element, `JSON 格式错误：${(error as Error).message}`, `invalid JSON: ${(error as Error).message}`);
  }
}

function problem(element: Element, zh: string, en: string): SourceItem {
  return { kind: 'problem', rowNo: element.rowNo, raw: excerpt(element.text), reason: { zh, en } };
}

/**
 * Reads a JSON array or JSON Lines file of objects as a stream. The header is the union of
 * keys over the first records; a record's cells follow that header. Keys that first appear
 * later count as extra cells, so the record is reported rather than silently trimmed.
 */
export async function* readJson(
  file: string,
  format: 'json' | 'jsonl',
  onBytes?: (total: number) => void,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<SourceHead | SourceItem, void, undefined> {
  const elements = format === 'json' ? arrayElements(file, limits, onBytes) : lineElements(file, limits, onBytes);
  const sample: Parsed[] = [];
  const keys = new Set<string>();
  let objects = 0;
  const iterator = elements[Symbol.asyncIterator]();
  try {
    while (objects < HEADER_SAMPLE) {
      const next = await iterator.next();
      if (next.done === true) break;
      const parsed = parseElement(next.value);
      sample.push(parsed);
      if ('object' in parsed) {
        objects += 1;
        for (const key of Object.keys(parsed.object)) keys.add(key);
      }
    }
    const headers = [...keys];
    checkHeaderLength(headers, limits);
    yield { headers, encoding: 'utf-8' };
    const toItem = (parsed: Parsed): SourceItem => {
      if (!('object' in parsed)) return parsed;
      const extraCells = Object.keys(parsed.object).filter((k) => !keys.has(k) && parsed.object[k] !== null).length;
      try {
        return { kind: 'record', rowNo: parsed.rowNo, values: headers.map((h) => toRaw(parsed.object[h])), extraCells };
      } catch (error) {
        // A value nested too deeply to turn back into text (JSON Lines: no splitter counts the depth).
        if (!(error instanceof RangeError)) throw error;
        const zh = '记录中的值嵌套过深';
        const en = 'a value of the record is nested too deeply';
        return { kind: 'problem', rowNo: parsed.rowNo, raw: '', reason: { zh, en } };
      }
    };
    for (const parsed of sample) yield toItem(parsed);
    sample.length = 0;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      yield toItem(parseElement(next.value));
    }
  } finally {
    await iterator.return?.(undefined);
  }
}
