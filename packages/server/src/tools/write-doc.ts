import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCatalogueDoc, renderLibraryDoc } from '@qingfeng/core';

/**
 * `npm run docs:catalogue` / `npm run docs:models`: writes a document generated from core's
 * data into `docs/` at the repository root (or to the path given after the document's name).
 * Core's tests compare the committed files with fresh renderings, so run the matching script
 * after changing the catalogue or the built-in models.
 */
const DOCUMENTS: Readonly<Record<string, { file: string; render: () => string }>> = {
  catalogue: { file: 'data-catalogue.md', render: () => renderCatalogueDoc() },
  models: { file: 'model-library.md', render: () => renderLibraryDoc() },
};

// dist/tools/ and src/tools/ are both four levels below the repository root.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const [, , name = '', to] = process.argv;
const document = DOCUMENTS[name];
if (document === undefined) {
  process.stderr.write(`usage: write-doc.js ${Object.keys(DOCUMENTS).join('|')} [path]\n`);
  process.exit(2);
}
const target = path.resolve(to ?? path.join(REPO_ROOT, 'docs', document.file));
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, document.render(), 'utf8');
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
