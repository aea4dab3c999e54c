import { createCipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/** Byte lengths of SM4-CTR's counter block and of an HMAC-SM3 tag. */
export const SM4_IV_BYTES = 16;
export const SM3_TAG_BYTES = 32;

/**
 * SM4 with integrity. Node's OpenSSL has no SM4-GCM, so this is SM4-CTR followed by
 * HMAC-SM3 over everything that identifies the ciphertext (encrypt-then-MAC): the header
 * (format, key version, algorithm), the IV and the ciphertext. The header's fixed shape and
 * the IV's fixed length make the MAC input unambiguous. Separate keys encrypt and MAC.
 */
export function sm4Seal(encKey: Buffer, macKey: Buffer, header: string, iv: Buffer, plaintext: Buffer): Buffer[] {
  const cipher = createCipheriv('sm4-ctr', encKey, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, sm4Mac(macKey, header, iv, body), body];
}

/** Checks the tag in constant time before decrypting anything; throws when it differs. */
export function sm4Open(encKey: Buffer, macKey: Buffer, header: string, iv: Buffer, tag: Buffer, body: Buffer): Buffer {
  const expected = sm4Mac(macKey, header, iv, body);
  if (iv.length !== SM4_IV_BYTES || tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
    throw new Error('Ciphertext failed its integrity check');
  }
  const decipher = createCipheriv('sm4-ctr', encKey, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

function sm4Mac(macKey: Buffer, header: string, iv: Buffer, body: Buffer): Buffer {
  return createHmac('sm3', macKey).update(header, 'utf8').update(iv).update(body).digest();
}
