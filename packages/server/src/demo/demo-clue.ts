import { COMMISSION_CODE } from '@qingfeng/demo';
import { DEFAULT_ROLE_PERMISSIONS, jurisdictionPrefix } from '@qingfeng/core';
import type { AppServices } from '../app/app-services.js';
import { systemActor } from '../modules/audit/index.js';
import { registerClue } from '../modules/clues/index.js';

/**
 * Receives one letters-and-visits clue in the demo county, as its supervision office
 * would, so the clue registry has something to open before anyone makes a clue of a
 * warning. Nothing when the demo staff or a clue already exist.
 */
export async function receiveDemoClue(services: AppServices): Promise<void> {
  const db = services.database.db;
  const handler = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.division_code'])
    .where('u.username', '=', 'demo.supervision')
    .where('o.code', '=', COMMISSION_CODE)
    .executeTakeFirst();
  if (!handler) return;
  const prefix = jurisdictionPrefix(handler.division_code);
  const existing = await db
    .selectFrom('clues')
    .select('id')
    .where('division_code', 'like', `${prefix}%`)
    .executeTakeFirst();
  if (existing) return;
  await registerClue(
    services,
    {
      jurisdictionPrefix: prefix,
      userId: handler.id,
      username: handler.username,
      displayName: handler.display_name,
      role: 'supervision',
      orgId: handler.org_id,
      permissions: new Set(DEFAULT_ROLE_PERMISSIONS.supervision),
      actor: { ...systemActor('demo'), userId: handler.id, username: handler.username, orgId: handler.org_id },
    },
    {
      source: 'letters_visits',
      problemType: 'eight_point_rules',
      title: '群众来信反映某镇干部违规公款吃喝',
      summary: '来信反映某镇党政办干部多次在辖区饭店公款宴请，附有部分消费凭证照片。',
      divisionCode: handler.division_code,
      subjects: [{ kind: 'unit', name: '某镇党政办公室' }],
      warningIds: [],
    },
  );
}
