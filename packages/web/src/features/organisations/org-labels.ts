import type { Organisation } from '../../api/organisations';
import type { Translate } from '../../i18n';

/** The kind of an organisation with its level or type, e.g. "纪委监委 · 县级". */
export function describeOrganisation(t: Translate, org: Organisation): string {
  const kind = t(`org.kind.${org.kind}`);
  if (org.kind === 'commission' && org.level) return `${kind} · ${t(`org.level.${org.level}`)}`;
  if (org.kind === 'unit' && org.unitType) return `${kind} · ${t(`org.unit.${org.unitType}`)}`;
  if (org.kind === 'office' && org.officeType) return `${kind} · ${org.officeType}`;
  return kind;
}
