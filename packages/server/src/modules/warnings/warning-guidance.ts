import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

interface Text {
  zh: string;
  en: string;
}

/** A model's policy basis and handling guidance, as its document states them. */
export interface WarningGuidance {
  basis: Text | null;
  handling: Text | null;
}

function textOf(value: unknown): Text | null {
  if (typeof value !== 'object' || value === null) return null;
  const { zh, en } = value as Record<string, unknown>;
  return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : null;
}

function documentOf(value: unknown): Record<string, unknown> {
  const raw: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
}

/**
 * The basis and handling of the model document that raised a warning, so the person
 * handling it reads them on the warning itself: a handler need not hold model.read (the
 * model library) to know why the warning matters and what to do. A warning carries its
 * document's own version (the spec's, not the registry's), so the newest registry version
 * holding that document is read; when none does any more, the model's newest document.
 * Null where the document names none.
 */
export async function findWarningGuidance(
  db: Kysely<DB>,
  modelId: string,
  documentVersion: number,
): Promise<WarningGuidance> {
  // A model has a handful of versions: reading them all is cheaper than a JSON query per engine.
  const rows = await db
    .selectFrom('model_versions')
    .select('document')
    .where('model_id', '=', modelId)
    .orderBy('version', 'desc')
    .execute();
  const documents = rows.map((row) => documentOf(row.document));
  const document = documents.find((d) => d.version === documentVersion) ?? documents[0] ?? {};
  return { basis: textOf(document.basis), handling: textOf(document.handling) };
}
