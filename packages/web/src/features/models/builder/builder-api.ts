import type { ModelSpec } from '@qingfeng/core';
import { api } from '../../../api/client';
import type { ModelDetail } from '../../../api/models';

/** Saves an edited document of a builder-made model as its next version, the reason on record. */
export function saveModelDocument(id: string, document: ModelSpec, reason: string): Promise<ModelDetail> {
  return api.put<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/document`, { document, reason });
}
