import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCatalogueDoc } from '@qingfeng/core';

/**
 * `npm run docs:catalogue`: writes the built-in catalogue as `docs/data-catalogue.md` at
 * the repository root (or to the path given as the first argument). Core's test compares
 * the committed file with a fresh rendering, so run this after changing the catalogue.
 */
// dist/tools/ and src/tools/ are both four levels below the repository root.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const target = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'docs', 'data-catalogue.md'));

mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderCatalogueDoc(), 'utf8');
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
