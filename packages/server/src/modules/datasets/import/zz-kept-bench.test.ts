import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { systemActor } from '../../audit/audit.service.js';
import { createTestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import { importDatasetFile } from './import.service.js';

const N = Number(process.env.BENCH_ROWS ?? 200_000);
it('bench', async () => {
  const platform = await createTestPlatform((process.env.BENCH_ENGINE ?? 'pglite') as 'pglite');
  const ids = Array.from({ length: N }, (_v, i) => makeIdNumber(`19${String(50 + (i % 40)).padStart(2, '0')}0101`, (i % 900) + 1));
  const variants: Record<string, (i: number) => string[]> = {
    valid: (i) => ['男', '1980-01-02', '正常'],
    unknownCodes: (i) => [i % 5 === 0 ? '男' : ['男士', '男性公民', '不详', '女士'][i % 4]!, '1980-01-02', i % 5 === 0 ? '正常' : '在籍人员'],
    distinctBadDates: (i) => ['男', i % 5 === 0 ? '1980-01-02' : `1980-13-${i}`, '正常'],
  };
  for (const [name, cells] of Object.entries(variants)) {
    const lines = ['id,name,division,gender,birth_date,status'];
    for (let i = 0; i < N; i++) lines.push([ids[i], `n${i}`, '330106', ...cells(i)].join(','));
    const file = path.join(platform.dataDir, `${name}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    const t = Date.now();
    const o = await importDatasetFile(platform.services, systemActor(), { datasetType: 'person', file, fileName: name, force: true, runModels: false });
    console.log(`BENCH ${name}: ${N} rows ${(Date.now() - t) / 1000}s loaded ${o.batch.rows_loaded} kept ${o.batch.cells_kept}`);
  }
  await platform.close();
}, 900_000);
