/**
 * SM3 (GB/T 32905-2016), one shot, in plain TypeScript. The log hashes with it in the server and
 * in the browser alike; sm-crypto-v2 (which the server's SM2 signing uses) reaches for Node's
 * `crypto` module, which a browser build cannot have, so the verifier page needs its own.
 * Checked against the standard's examples and against sm-crypto-v2 in sm3.test.ts.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const T_LOW = 0x79cc4519;
const T_HIGH = 0x7a879d8a;

const rotl = (x: number, n: number) => ((x << (n & 31)) | (x >>> (32 - (n & 31)))) >>> 0;
const p0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

/** Pads as §5.2: a 1 bit, zeros to 448 mod 512 bits, the bit length as 64 bits big-endian. */
function pad(data: Uint8Array): Uint8Array {
  const blocks = Math.ceil((data.length + 9) / 64);
  const out = new Uint8Array(blocks * 64);
  out.set(data);
  out[data.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = data.length * 8;
  view.setUint32(out.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(out.length - 4, bits >>> 0);
  return out;
}

/** The compression function CF (§5.3.3) of one 64-byte block into the state `v`. */
function compress(v: Uint32Array, block: DataView, offset: number, w: Uint32Array, w1: Uint32Array): void {
  for (let j = 0; j < 16; j++) w[j] = block.getUint32(offset + j * 4);
  for (let j = 16; j < 68; j++) {
    w[j] =
      (p1((w[j - 16] as number) ^ (w[j - 9] as number) ^ rotl(w[j - 3] as number, 15)) ^
        rotl(w[j - 13] as number, 7) ^
        (w[j - 6] as number)) >>>
      0;
  }
  for (let j = 0; j < 64; j++) w1[j] = ((w[j] as number) ^ (w[j + 4] as number)) >>> 0;
  let a = v[0] as number;
  let b = v[1] as number;
  let c = v[2] as number;
  let d = v[3] as number;
  let e = v[4] as number;
  let f = v[5] as number;
  let g = v[6] as number;
  let h = v[7] as number;
  for (let j = 0; j < 64; j++) {
    const isLow = j < 16;
    const ss1 = rotl((rotl(a, 12) + e + rotl(isLow ? T_LOW : T_HIGH, j)) >>> 0, 7);
    const ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
    const ff = isLow ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = isLow ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (w1[j] as number)) >>> 0;
    const tt2 = (gg + h + ss1 + (w[j] as number)) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  // Uint32Array stores each value modulo 2^32, so no `>>> 0` is needed here.
  v[0] = (v[0] as number) ^ a;
  v[1] = (v[1] as number) ^ b;
  v[2] = (v[2] as number) ^ c;
  v[3] = (v[3] as number) ^ d;
  v[4] = (v[4] as number) ^ e;
  v[5] = (v[5] as number) ^ f;
  v[6] = (v[6] as number) ^ g;
  v[7] = (v[7] as number) ^ h;
}

/** The 32-byte SM3 digest of `data`. */
export function sm3(data: Uint8Array): Uint8Array {
  const padded = pad(data);
  const view = new DataView(padded.buffer);
  const v = Uint32Array.from(IV);
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, view, offset, w, w1);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  v.forEach((x, i) => outView.setUint32(i * 4, x));
  return out;
}
