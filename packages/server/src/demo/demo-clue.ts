import { COMMISSION_CODE } from '@qingfeng/demo';
import { DEFAULT_ROLE_PERMISSIONS, jurisdictionPrefix } from '@qingfeng/core';
import type { AppServices } from '../app/app-services.js';
import { systemActor } from '../modules/audit/index.js';
import { proposeCaseDirectly } from '../modules/cases/index.js';
import { registerClue } from '../modules/clues/index.js';

/**
 * Receives one letters-and-visits clue in the demo county, as its supervision office
 * would, and proposes one case for filing, so the clue and case registries have something
 * to open before anyone walks a warning that far. Nothing when the demo staff or a clue
 * already exist.
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
  const viewer = {
    jurisdictionPrefix: prefix,
    userId: handler.id,
    username: handler.username,
    displayName: handler.display_name,
    role: 'supervision' as const,
    orgId: handler.org_id,
    permissions: new Set(DEFAULT_ROLE_PERMISSIONS.supervision),
    actor: { ...systemActor('demo'), userId: handler.id, username: handler.username, orgId: handler.org_id },
  };
  await proposeCaseDirectly(services, viewer, {
    problemType: 'livelihood_funds',
    title: '某村村委会主任涉嫌套取危房改造补助资金',
    summary: '审计移送：某村村委会主任以亲属名义重复申报危房改造补助，涉及资金三万余元。',
    divisionCode: handler.division_code,
    subjects: [{ kind: 'official', name: '赵某', position: '村委会主任' }],
  });
  await registerClue(services, viewer, {
    source: 'letters_visits',
    problemType: 'eight_point_rules',
    title: '群众来信反映某镇干部违规公款吃喝',
    summary: '来信反映某镇党政办干部多次在辖区饭店公款宴请，附有部分消费凭证照片。',
    divisionCode: handler.division_code,
    subjects: [{ kind: 'unit', name: '某镇党政办公室' }],
    warningIds: [],
  });
}
