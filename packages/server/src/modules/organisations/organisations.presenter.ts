import type { PlaceNames } from '@qingfeng/core';
import type { Organisation } from '../../db/schema.js';
import { placeNameOf } from './place-names.js';
import type { TOrganisation, TOrganisationNode } from './organisations.schemas.js';

/** An organisation as the API shows it, its division by place name (`places` read once per response). */
export function presentOrganisation(row: Organisation, places: PlaceNames): TOrganisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    level: row.commission_level,
    officeType: row.office_type,
    unitType: row.unit_type,
    parentId: row.parent_id,
    divisionCode: row.division_code,
    divisionName: placeNameOf(places, row.division_code),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Arranges organisations as a forest: an organisation whose parent is not in the list
 * (outside the jurisdiction, or filtered out) becomes a root.
 */
export function presentOrganisationTree(rows: readonly Organisation[], places: PlaceNames): TOrganisationNode[] {
  const nodes = new Map<number, TOrganisationNode>(
    rows.map((r) => [r.id, { ...presentOrganisation(r, places), children: [] }]),
  );
  const roots: TOrganisationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
