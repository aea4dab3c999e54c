import type { ModelServices } from '../model-services.js';
import type { ModelDocument, ModelHit } from '../../../models-engine/model-engine.js';
import { divisionCodesIn, findPlaceNames } from '../../organisations/index.js';
import { maskAccountFacts } from '../../warnings/index.js';
import { presentPreviewHit } from './models.presenter.js';

/** A preview's hits as the builder and the reviewer read them: masked, divisions by place name. */
export async function previewResponse(
  services: ModelServices,
  result: { document: ModelDocument; hits: ModelHit[] },
  limit: number,
) {
  const { document } = result;
  // A fact holding a bank account is its key in the lake; the preview shows it masked.
  const hits = await maskAccountFacts(services.lake, services.fieldCrypto, result.hits);
  const places = await findPlaceNames(
    services.database.db,
    divisionCodesIn(hits.flatMap((h) => Object.values(h.facts))),
  );
  return { hits: hits.map((hit) => presentPreviewHit(document, hit, places)), limited: hits.length >= limit };
}
