/**
 * Personal-matter reports (领导干部个人有关事项报告) of leading cadres for 2023 and 2024,
 * listing every company role, vehicle and property of the cadre, spouse and children that
 * the registries hold. Rows in `unreported` are the P04 cases: held but left out.
 */
import { isLeadingCadre } from './gen-officials.js';
import { type DemoWorld, type Person, type Row, addRow } from './world.js';

/** Registry rows a cadre failed to report (planted P04 cases). */
export const unreported = new Set<Row>();

function relationTo(cadre: Person, holder: Person): 'self' | 'spouse' | 'child' | null {
  if (holder === cadre) return 'self';
  if (holder.household !== cadre.household) return null;
  const couple = ['head', 'spouse'];
  if (couple.includes(cadre.role) && couple.includes(holder.role)) return 'spouse';
  if (couple.includes(cadre.role) && holder.role === 'child') return 'child';
  return null;
}

/** Writes the reports from what the registries hold, minus the unreported items. */
export function generateReports(world: DemoWorld): void {
  const byId = new Map(world.people.map((p) => [p.id, p]));
  const cadres = world.people.filter((p) => isLeadingCadre(world, p));
  const items: Array<{ holder: string; type: string; ref: string; row: Row; from: string; to: string | null }> = [];
  for (const r of world.rows.get('company_role') ?? []) {
    if (r.role === 'legal_rep' || r.role === 'shareholder')
      items.push({
        holder: String(r.person_id),
        type: 'company_role',
        ref: String(r.uscc),
        row: r,
        from: String(r.start_date ?? '1900-01-01'),
        to: (r.end_date as string | null) ?? null,
      });
  }
  for (const r of world.rows.get('vehicle') ?? [])
    items.push({
      holder: String(r.owner),
      type: 'vehicle',
      ref: String(r.plate),
      row: r,
      from: String(r.registered_on),
      to: (r.deregistered_on as string | null) ?? null,
    });
  for (const r of world.rows.get('property') ?? [])
    items.push({
      holder: String(r.owner),
      type: 'property',
      ref: String(r.cert_no),
      row: r,
      from: String(r.registered_on),
      to: (r.cancelled_on as string | null) ?? null,
    });
  for (const cadre of cadres) {
    for (const year of [2023, 2024]) {
      const seen = new Set<string>();
      for (const item of items) {
        const holder = byId.get(item.holder);
        const relation = holder ? relationTo(cadre, holder) : null;
        if (!relation || unreported.has(item.row) || seen.has(item.ref)) continue;
        // Held at the reporting date (31 December).
        if (item.from > `${year}-12-31` || (item.to !== null && item.to < `${year}-12-31`)) continue;
        seen.add(item.ref);
        addRow(world, 'personal_report', {
          official_id: cadre.id,
          year,
          item_type: item.type,
          item_ref: item.ref,
          holder_relation: relation,
        });
      }
    }
  }
}
