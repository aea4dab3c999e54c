import { weierstrassN } from '@noble/curves/abstract/weierstrass';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/abstract/utils';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sm3 } from './sm3.js';

/**
 * Checking GB/T 32918 SM2 signatures with SM3 (the log's GM signature type), on the curve
 * arithmetic of @noble/curves so that it runs in a browser. The server signs with sm-crypto-v2;
 * sm2.test.ts checks what it signs here.
 */

/** The default user ID of GB/T 32918 (and GM/T 0009), which the log's SM2 signature type names. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

// The recommended curve of GB/T 32918.5-2017.
const CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};
const Point = weierstrassN(CURVE);
const modN = (x: bigint) => ((x % CURVE.n) + CURVE.n) % CURVE.n;
const word = (x: bigint) => numberToBytesBE(x, 32);

/** Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (GB/T 32918.2 §5.5). */
function userHash(publicKey: { x: bigint; y: bigint }, userId: string): Uint8Array {
  const id = utf8ToBytes(userId);
  const bits = id.length * 8;
  return sm3(
    concatBytes(
      Uint8Array.of(bits >> 8, bits & 255),
      id,
      word(CURVE.a),
      word(CURVE.b),
      word(CURVE.Gx),
      word(CURVE.Gy),
      word(publicKey.x),
      word(publicKey.y),
    ),
  );
}

/**
 * Whether `signature` (64 bytes r || s) is an SM2 signature of `message` by `publicKey` (65
 * bytes 04 || x || y), per GB/T 32918.2 §7: any malformed key or signature is simply false.
 */
export function verifySm2Signature(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  userId = SM2_DEFAULT_USER_ID,
): boolean {
  if (signature.length !== 64 || publicKey.length !== 65 || publicKey[0] !== 0x04) return false;
  let key;
  try {
    key = Point.fromBytes(publicKey);
    key.assertValidity();
  } catch {
    return false;
  }
  const r = bytesToNumberBE(signature.subarray(0, 32));
  const s = bytesToNumberBE(signature.subarray(32));
  // B1, B2: r and s in [1, n-1].
  if (r < 1n || r >= CURVE.n || s < 1n || s >= CURVE.n) return false;
  const affineKey = key.toAffine();
  const e = bytesToNumberBE(sm3(concatBytes(userHash(affineKey, userId), message)));
  const t = modN(r + s);
  if (t === 0n) return false;
  const point = Point.BASE.multiply(s).add(key.multiplyUnsafe(t));
  if (point.is0()) return false;
  return modN(e + point.toAffine().x) === r;
}
