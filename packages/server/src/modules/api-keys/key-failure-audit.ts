import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { KeyFailureWindow } from './key-failures.js';

/**
 * Writes one audit entry per ended window of refused API key attempts: the address, its
 * counts by outcome (429s included), the key ids named and the routes tried. Nothing is
 * written for an empty list.
 */
export async function auditKeyFailures(db: Kysely<DB>, windows: readonly KeyFailureWindow[]): Promise<void> {
  for (const window of windows) {
    const { counts } = window;
    await recordAudit(
      db,
      {
        userId: null,
        username: 'api_key',
        role: null,
        orgId: null,
        ip: window.ip,
        userAgent: window.userAgent,
        requestId: null,
      },
      {
        action: 'api_key.authenticate',
        objectType: 'api_key',
        ...(window.keyIds.length === 1 ? { objectId: window.keyIds[0] } : {}),
        outcome: 'denied',
        detail: {
          attempts: Object.values(counts).reduce((a, b) => a + b, 0),
          ...counts,
          keyIds: window.keyIds,
          routes: window.routes,
          from: window.startedAt.toISOString(),
          to: window.endsAt.toISOString(),
        },
      },
    );
  }
}
