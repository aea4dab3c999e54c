import { once } from 'node:events';
import type { Writable } from 'node:stream';

// Lines are gathered into pieces of about this size before they are written: one write per
// row would spend more time in the stream machinery than in the rows.
const PIECE_CHARS = 64 * 1024;

/** Writes lines to a stream, waiting whenever it asks the writer to slow down. */
export class LineSink {
  private piece = '';
  bytes = 0;

  constructor(private readonly stream: Writable) {}

  async write(line: string): Promise<void> {
    this.piece += line;
    if (this.piece.length >= PIECE_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.piece === '') return;
    const data = Buffer.from(this.piece, 'utf8');
    this.piece = '';
    this.bytes += data.length;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }
}
