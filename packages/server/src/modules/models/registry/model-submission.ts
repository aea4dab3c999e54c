import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { recordAudit } from '../../audit/index.js';
import type { ModelEditor } from './editor.js';
import { ModelsRepository } from './models.repository.js';

/**
 * Puts the model's current version up for review (inside the saving transaction): a draft,
 * disabled, owned by the submitter's jurisdiction, the step on the model's history and audited.
 */
export async function submitForReview(
  trx: Kysely<DB>,
  editor: ModelEditor,
  id: string,
  version: number,
): Promise<void> {
  const repository = new ModelsRepository(trx);
  await repository.updateModel(id, {
    review_status: 'draft',
    enabled: false,
    submitted_by: editor.userId,
    owner_prefix: editor.jurisdictionPrefix,
  });
  await repository.insertReview({
    model_id: id,
    version,
    step: 'submitted',
    by_user_id: editor.userId,
    by_name: editor.username,
  });
  await recordAudit(trx, editor.actor, {
    action: 'model.submit',
    objectType: 'model',
    objectId: id,
    detail: { version },
  });
}
