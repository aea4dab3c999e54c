import type { Writable } from 'node:stream';

// Lines are gathered into pieces of about this size before they are written: one write per
// row would spend more time in the stream machinery than in the rows.
const PIECE_CHARS = 64 * 1024;

/**
 * Writes lines to a stream, waiting whenever it asks the writer to slow down, and failing
 * as soon as the stream is gone (a file that cannot be written destroys the whole pipeline,
 * and a destroyed stream never drains).
 */
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
    this.assertOpen();
    if (!this.stream.write(data)) await this.drained();
  }

  private assertOpen(): void {
    if (this.stream.destroyed) throw this.stream.errored ?? new Error('The backup stream closed early');
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.stream.off('drain', onDrain);
        reject(this.stream.errored ?? new Error('The backup stream closed early'));
      };
      this.stream.once('drain', onDrain);
      this.stream.once('close', onClose);
    });
  }
}
