/**
 * A separate process that imports one file into a lake, for the kill-mid-import test:
 * `tsx import-child.ts <lake file | postgres url> <schema|-> <data file> <batch id>`; a DuckDB
 * lake's import folder is the data file's folder.
 * It prints `rows <n>` as it goes so the test knows the append has started.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { findDataset } from '@qingfeng/core';
import { openLake } from '../../../lake/index.js';
import { FieldCrypto } from '../../../security/field-crypto.js';
import { loadImport, openImport } from './import-pipeline.js';

const [where = '', schema = '-', file = '', batch = '1'] = process.argv.slice(2);
const dataset = findDataset('benefit_payment');
if (!dataset) throw new Error('benefit_payment is not in the catalogue');
const lake = await openLake(
  where.startsWith('postgres')
    ? { url: where, ...(schema === '-' ? {} : { schema }) }
    : { file: where, importDir: path.dirname(file) },
);
const opened = await openImport(file, dataset);
const counts = await loadImport({
  lake,
  crypto: new FieldCrypto(randomBytes(32)),
  dataset,
  opened,
  batchId: Number(batch),
  mode: 'append',
  reportFile: `${file}.rejected.csv`,
  onRows: (n) => process.stdout.write(`rows ${n}\n`),
});
process.stdout.write(`done ${JSON.stringify(counts)}\n`);
await lake.close();
