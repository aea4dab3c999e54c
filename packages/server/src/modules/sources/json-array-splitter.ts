import { DEFAULT_READ_LIMITS, ReadLimitError } from './read-limits.js';

// Deeper than any record a department sends; deeper values are refused before JSON.parse
// builds them, as turning one back into text (a nested value is kept as its JSON) recurses.
const MAX_DEPTH = 64;

/**
 * Splits the text of a JSON array into the texts of its elements as chunks arrive, so a
 * file of any size is parsed one element at a time. It tracks only string/escape state
 * and nesting depth; each element's text is then given to JSON.parse, which does the
 * real validation. An element longer than `maxElementChars` or nested deeper than 64
 * levels stops it (ReadLimitError, or an Error naming the element), so one endless value
 * is never gathered whole.
 */
export class JsonArraySplitter {
  /** Elements completed so far. */
  private count = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private finished = false;
  private inElement = false;
  /** The part of the current element that arrived in earlier chunks. */
  private carried = '';

  constructor(private readonly maxElementChars = DEFAULT_READ_LIMITS.maxRecordBytes) {}

  /** Feeds a chunk of text; returns the elements completed within it. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let start = this.inElement ? 0 : -1;
    const finish = (end: number): void => {
      this.count += 1;
      out.push(this.carried + chunk.slice(start, end));
      this.carried = '';
      this.inElement = false;
      start = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (this.finished) {
        if (!isSpace(ch)) throw new Error('JSON 数组结束后还有内容 / unexpected text after the end of the JSON array');
        continue;
      }
      if (!this.started) {
        if (ch === 0x5b /* [ */) this.started = true;
        else if (!isSpace(ch) && ch !== 0xfeff) throw new Error('文件不是 JSON 数组 / the file is not a JSON array');
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c /* \ */) this.escaped = true;
        else if (ch === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (this.depth === 0) {
        // Between or at the end of a scalar element: a comma, white space or the closing bracket.
        if (ch === 0x2c || isSpace(ch) || ch === 0x5d) {
          if (this.inElement) finish(i);
          if (ch === 0x5d) this.finished = true;
          continue;
        }
        if (!this.inElement) {
          this.inElement = true;
          start = i;
        }
      }
      if (ch === 0x22) this.inString = true;
      else if (ch === 0x7b || ch === 0x5b) {
        this.depth += 1;
        if (this.depth > MAX_DEPTH) {
          throw new Error(
            `第 ${this.count + 1} 条记录嵌套超过 ${MAX_DEPTH} 层 / record ${this.count + 1} is nested deeper than ${MAX_DEPTH} levels`,
          );
        }
      } else if (ch === 0x7d || ch === 0x5d) {
        this.depth -= 1;
        if (this.depth === 0) finish(i + 1);
      }
    }
    if (this.inElement) {
      this.carried += chunk.slice(start);
      if (this.carried.length > this.maxElementChars) {
        throw new ReadLimitError(
          'record',
          this.maxElementChars,
          { element: this.count + 1 },
          this.carried.slice(0, 400),
        );
      }
    }
    return out;
  }

  /** Declares the input complete; throws if the array was never closed. */
  end(): void {
    if (!this.finished) throw new Error('JSON 数组不完整（缺少结尾的 ]）/ the JSON array is incomplete (no closing ])');
  }
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;
}
