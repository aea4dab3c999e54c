import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';

/** The text encodings a departmental file arrives in. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

// Enough to meet the first Chinese text in any realistic header or first rows.
const SNIFF_BYTES = 1024 * 1024;

/**
 * Detects a file's encoding from its first bytes: a UTF-16 LE BOM (Excel's "Unicode text"),
 * else UTF-8 if those bytes are valid UTF-8 (with or without BOM), else GB18030, the
 * superset of GBK that Excel on a Chinese Windows writes. GBK text is almost never valid
 * UTF-8, so the strict decode is a reliable test.
 */
export async function detectEncoding(file: string): Promise<TextEncoding> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectEncodingOf(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** `detectEncoding` for bytes in hand; a multi-byte character cut at the end is not held against UTF-8. */
export function detectEncodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * A decoding stream for the encoding: bytes in, text out, BOM dropped. UTF-8 is decoded
 * strictly so a file that turns out to mix encodings past the sniffed part fails loudly
 * instead of loading replacement characters.
 */
export function decoderFor(encoding: TextEncoding): Transform {
  if (encoding === 'utf-8') return new StrictUtf8Decoder();
  return iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform;
}

class StrictUtf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private offset = 0;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.offset += chunk.length;
      callback(null, text);
    } catch {
      callback(notUtf8(this.offset));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(notUtf8(this.offset));
    }
  }
}

function notUtf8(offset: number): Error {
  return new Error(
    `文件在第 ${offset} 字节附近不是有效的 UTF-8（文件开头是 UTF-8），请以统一编码重新导出 / ` +
      `the file stops being valid UTF-8 near byte ${offset} although it starts as UTF-8; export it again in one encoding`,
  );
}
