import type { ModelReader } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB, ImportBatch } from '../../../db/schema.js';
import type { EventBus } from '../../../platform/event-bus.js';
import type { Platform } from '../../../platform/platform.js';
import type { AuditActor } from '../../audit/index.js';

/**
 * What the datasets module announces about batches. The models and warnings modules
 * sit above it and subscribe when the app is assembled (app/domain-events.ts).
 */
export interface BatchEvents {
  /** A batch's rows are in the lake and its record is committed; `runModels` is whether the importer wants the models that read it to follow. */
  'batch.loaded': { readonly batch: ImportBatch; readonly runModels: boolean };
  /**
   * A batch is being marked rolled back. Handlers run inside that store transaction, with
   * `trx`: what they write (retiring the warnings the batch's rows supported) commits with it or not at all.
   */
  'batch.rolling-back': {
    readonly trx: Kysely<DB>;
    readonly actor: AuditActor;
    readonly batch: ImportBatch;
    readonly at: Date;
  };
  /** The rollback has committed and the batch's rows are gone from the lake. */
  'batch.rolled-back': { readonly batch: ImportBatch };
}

/**
 * What the datasets module needs: the platform, the bus it announces batches on, and, given
 * at assembly by the models module above it, the enabled models reading a dataset type with
 * the fields each reads (an import names those its empty fields leave blind).
 */
export interface DatasetServices extends Platform {
  readonly batchEvents: EventBus<BatchEvents>;
  readonly modelsReading: (datasetType: string) => Promise<readonly ModelReader[]>;
}
