import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through unchanged, reporting how many have gone by (for progress bars). */
export class ByteCounter extends Transform {
  private total = 0;

  constructor(private readonly onBytes: ((total: number) => void) | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.total += chunk.length;
    this.onBytes?.(this.total);
    callback(null, chunk);
  }
}
