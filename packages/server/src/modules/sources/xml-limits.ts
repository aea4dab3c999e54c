import type { ReadLimits } from './read-limits.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
// Local names of the elements holding one record: a worksheet's row, a shared string.
const ROW = (0x72 << 16) | (0x6f << 8) | 0x77;
const SI = (0x73 << 8) | 0x69;

/** What broke a limit in a workbook part: one run of text or markup, or one row or shared string. */
export interface XmlOverrun {
  readonly what: 'run' | 'record';
  /** Bytes of the part read before the offending run or record started. */
  readonly offset: number;
}

/**
 * Checks the XML of a workbook part as its bytes stream past, so that an endless cell, an
 * endless shared string, an endless attribute or a row of endless cells is found before
 * exceljs gathers it (a compressed part of a few hundred kilobytes can inflate to
 * gigabytes). Every byte is in a tag or between tags, and each such run is held to
 * `maxRecordBytes`; a `row` or `si` element as a whole to four times that, as a cell's
 * markup (`<c r="AB12" s="3" t="s"><v>7</v></c>`) outweighs a short value many times over.
 * Namespace prefixes (`<x:row>`) are allowed for.
 */
export class XmlLimitCheck {
  private inTag = false;
  private run = 0;
  private runStart = 0;
  // The element name being read after '<': its first bytes packed, how many, and whether it closes.
  private naming = false;
  private name = 0;
  private nameLength = 0;
  private closing = false;
  private inRecord = false;
  private recordStart = 0;
  private offset = 0;
  private readonly maxRun: number;
  private readonly maxRecord: number;

  constructor(limits: ReadLimits) {
    this.maxRun = limits.maxRecordBytes;
    this.maxRecord = 4 * limits.maxRecordBytes;
  }

  /** Bytes checked so far. */
  get bytes(): number {
    return this.offset;
  }

  /** The first overrun in `chunk`, or null; call again with the next chunk. */
  push(chunk: Buffer): XmlOverrun | null {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      const at = this.offset + i;
      if (b === LT) {
        this.inTag = true;
        this.startRun(at);
        this.naming = true;
        this.name = 0;
        this.nameLength = 0;
        this.closing = false;
        continue;
      }
      if (this.inTag && b === GT) {
        if (this.naming) this.endName(at);
        this.inTag = false;
        this.startRun(at);
      } else if (this.naming) {
        if (b === SLASH && this.nameLength === 0 && !this.closing) this.closing = true;
        else if (b === COLON)
          this.nameLength = this.name = 0; // a prefix: the local name follows
        else if (b <= 0x20 || b === SLASH) this.endName(at);
        else if (++this.nameLength <= 3) this.name = (this.name << 8) | b;
      }
      this.run += 1;
      if (this.run > this.maxRun) return { what: 'run', offset: this.runStart };
      if (this.inRecord && at - this.recordStart > this.maxRecord) return { what: 'record', offset: this.recordStart };
    }
    this.offset += chunk.length;
    return null;
  }

  private startRun(at: number): void {
    this.run = 0;
    this.runStart = at;
  }

  private endName(at: number): void {
    this.naming = false;
    const isRecord = (this.nameLength === 3 && this.name === ROW) || (this.nameLength === 2 && this.name === SI);
    if (!isRecord) return;
    if (this.closing) {
      this.inRecord = false;
    } else {
      this.inRecord = true;
      this.recordStart = at;
    }
  }
}
