import type { ModelServices } from '../model-services.js';
import type { ModelDocument, ModelHit } from '../../../models-engine/model-engine.js';
import { divisionCodesIn, findPlaceNames } from '../../organisations/index.js';
import { presentPreviewHit } from './models.presenter.js';

/** A preview's hits as the builder and the reviewer read them: masked, divisions by place name. */
export async function previewResponse(
  services: ModelServices,
  result: { document: ModelDocument; hits: ModelHit[] },
  limit: number,
) {
  const { document, hits } = result;
  const places = await findPlaceNames(
    services.database.db,
    divisionCodesIn(hits.flatMap((h) => Object.values(h.facts))),
  );
  return { hits: hits.map((hit) => presentPreviewHit(document, hit, places)), limited: hits.length >= limit };
}
