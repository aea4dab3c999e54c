/**
 * exceljs zips the workbook with the current time on every entry, so two runs with the same
 * seed would differ in those bytes. This sets every entry's DOS time and date to a fixed
 * moment (2025-01-01 00:00), walking the central directory as the ZIP format lays it out.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FIXED_TIME = 0;
const FIXED_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

/** Returns the same buffer with fixed entry timestamps. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('broken zip central directory');
    zip.writeUInt16LE(FIXED_TIME, at + 12);
    zip.writeUInt16LE(FIXED_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === LOCAL) {
      zip.writeUInt16LE(FIXED_TIME, local + 10);
      zip.writeUInt16LE(FIXED_DATE, local + 12);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
