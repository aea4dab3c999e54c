import { isWithinJurisdiction } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB, Organisation } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { ImportRejectedError, readCsvFile } from './csv-file.js';
import {
  CSV_COLUMN,
  ORGANISATION_COLUMNS,
  type OrganisationRow,
  readOrganisationRow,
} from './organisation-import-rows.js';
import { checkPlacement, type OrganisationKind } from './organisation-rules.js';
import type { TImportProblem, TImportResult } from './organisations.schemas.js';
import { OrganisationsRepository } from './organisations.repository.js';
import type { Scope } from './scope.js';
import { STANDARD_OFFICES_BY_LEVEL, officeCode } from './standard-offices.js';

export interface ImportOptions {
  /** Called as rows are written: rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Recorded in the audit entry. */
  fileName?: string;
}

/** What the tree would look like for one code after the import. */
interface Node {
  kind: OrganisationKind;
  divisionCode: string;
  parentCode: string | null;
}

/**
 * Imports an organisation tree from CSV, inserting new codes and updating existing ones.
 *
 * All or nothing: an organisation tree is only useful when it is consistent. Importing
 * the good rows of a bad file would leave units without their commission, or offices
 * under the wrong parent, and users and jurisdictions hang off that tree. So every
 * problem in the file is reported (row, column, value, reason) and nothing is written
 * until the file is clean; the write is one transaction.
 */
export class OrganisationImportService {
  constructor(private readonly db: Kysely<DB>) {}

  async importOrganisations(scope: Scope, bytes: Uint8Array, options: ImportOptions = {}): Promise<TImportResult> {
    const { encoding, records } = await readCsvFile(bytes, ORGANISATION_COLUMNS);
    const problems: TImportProblem[] = [];
    const rows: OrganisationRow[] = [];
    const firstRowOfCode = new Map<string, number>();
    for (const record of records) {
      const result = readOrganisationRow(record, scope.jurisdictionPrefix);
      if ('problems' in result) {
        problems.push(...result.problems);
        continue;
      }
      const first = firstRowOfCode.get(result.row.code);
      if (first !== undefined) {
        problems.push({ row: record.row, column: 'code', value: result.row.code, reason: `repeats row ${first}` });
        continue;
      }
      firstRowOfCode.set(result.row.code, record.row);
      rows.push(result.row);
    }
    if (records.length === 0) problems.push({ row: 2, column: '', value: '', reason: 'the file has no rows' });

    try {
      // Checks and writes share one transaction, so the tree checked is the tree written to.
      return await this.db.transaction().execute(async (trx) => {
        const repository = new OrganisationsRepository(trx);
        const existing = new Map((await repository.findAll(scope.jurisdictionPrefix)).map((o) => [o.code, o]));
        const codeOfId = new Map([...existing.values()].map((o) => [o.id, o.code]));
        const taken = await repository.findTakenCodes(rows.map((r) => r.code));
        problems.push(...this.checkTree(rows, existing, codeOfId, taken));
        if (problems.length > 0) throw new ImportRejectedError(problems.sort((a, b) => a.row - b.row));
        const result = await this.writeRows(trx, rows, existing, options);
        await recordAudit(trx, scope.actor, {
          action: 'organisation.import',
          objectType: 'organisation',
          detail: { fileName: options.fileName ?? null, encoding, rows: rows.length, ...result },
        });
        return { encoding, rows: rows.length, ...result };
      });
    } catch (error) {
      if (error instanceof ImportRejectedError) {
        await recordAudit(this.db, scope.actor, {
          action: 'organisation.import',
          objectType: 'organisation',
          outcome: 'failed',
          detail: { fileName: options.fileName ?? null, encoding, problems: error.problems.length },
        });
      }
      throw error;
    }
  }

  /** Checks that need the whole file and the stored tree: codes, parents, divisions, cycles. */
  private checkTree(
    rows: readonly OrganisationRow[],
    existing: ReadonlyMap<string, Organisation>,
    codeOfId: ReadonlyMap<number, string>,
    taken: ReadonlyMap<string, unknown>,
  ): TImportProblem[] {
    const problems: TImportProblem[] = [];
    const report = (row: OrganisationRow, column: string, value: string, reason: string) =>
      problems.push({ row: row.row, column, value, reason });
    const nodes = new Map<string, Node>();
    for (const org of existing.values()) {
      const parentCode = org.parent_id === null ? null : (codeOfId.get(org.parent_id) ?? null);
      nodes.set(org.code, { kind: org.kind, divisionCode: org.division_code, parentCode });
    }
    for (const row of rows) {
      // An empty parent keeps a stored organisation where it is (its parent may lie above
      // the importer's jurisdiction); a new organisation without a parent is a top-level one.
      const parentCode = row.parentCode ?? nodes.get(row.code)?.parentCode ?? null;
      nodes.set(row.code, { kind: row.kind, divisionCode: row.divisionCode, parentCode });
    }

    for (const row of rows) {
      const stored = existing.get(row.code);
      if (!stored && taken.has(row.code))
        report(row, 'code', row.code, 'already used by an organisation outside your jurisdiction');
      if (stored && stored.kind !== row.kind)
        report(row, 'kind', row.kind, `cannot change: the organisation is a ${stored.kind}`);
      const parent = row.parentCode ? nodes.get(row.parentCode) : null;
      if (row.parentCode && !parent) {
        report(row, 'parent_code', row.parentCode, 'no such organisation in the file or in your jurisdiction');
        continue;
      }
      const keptParent = !row.parentCode && stored?.parent_id != null;
      if (!keptParent) {
        for (const problem of checkPlacement(row.kind, parent ?? null, row.divisionCode)) {
          const column = CSV_COLUMN[problem.field];
          report(row, column, column === 'division_code' ? row.divisionCode : (row.parentCode ?? ''), problem.reason);
        }
      }
      if (this.isInCycle(row.code, nodes)) report(row, 'parent_code', row.parentCode ?? '', 'makes the tree a cycle');
      if (stored && stored.division_code !== row.divisionCode) {
        for (const [code, node] of nodes) {
          if (node.parentCode === row.code && !isWithinJurisdiction(node.divisionCode, row.divisionCode)) {
            report(row, 'division_code', row.divisionCode, `sub-organisation ${code} would lie outside it`);
          }
        }
      }
    }
    return problems;
  }

  private isInCycle(code: string, nodes: ReadonlyMap<string, Node>): boolean {
    const seen = new Set<string>();
    let current = nodes.get(code)?.parentCode ?? null;
    while (current !== null && !seen.has(current)) {
      if (current === code) return true;
      seen.add(current);
      current = nodes.get(current)?.parentCode ?? null;
    }
    return false;
  }

  /** Writes parents before children, then the standard offices of new commissions. */
  private async writeRows(
    trx: Kysely<DB>,
    rows: readonly OrganisationRow[],
    existing: ReadonlyMap<string, Organisation>,
    options: ImportOptions,
  ): Promise<{ inserted: number; updated: number; officesCreated: number }> {
    const repository = new OrganisationsRepository(trx);
    const idOfCode = new Map([...existing.values()].map((o) => [o.code, o.id]));
    const inFile = new Map(rows.map((r) => [r.code, r]));
    const depth = (row: OrganisationRow): number => {
      let d = 0;
      for (let p = row.parentCode; p && inFile.has(p) && d <= rows.length; p = inFile.get(p)?.parentCode ?? null) d++;
      return d;
    };
    const ordered = rows.map((row) => ({ row, depth: depth(row) })).sort((a, b) => a.depth - b.depth);
    const hasOfficesInFile = new Set(rows.filter((r) => r.kind === 'office' && r.parentCode).map((r) => r.parentCode));
    let inserted = 0;
    let updated = 0;
    let officesCreated = 0;
    let done = 0;
    for (const { row } of ordered) {
      const stored = existing.get(row.code);
      const values = {
        name: row.name,
        commission_level: row.level,
        office_type: row.officeType,
        unit_type: row.unitType,
        division_code: row.divisionCode,
        ...(row.parentCode || !stored
          ? { parent_id: row.parentCode ? (idOfCode.get(row.parentCode) ?? null) : null }
          : {}),
      };
      if (stored) {
        await repository.update(stored.id, values);
        updated++;
      } else {
        const created = await repository.insert({ code: row.code, kind: row.kind, ...values });
        idOfCode.set(row.code, created.id);
        inserted++;
        if (row.kind === 'commission' && row.level && !hasOfficesInFile.has(row.code)) {
          officesCreated += await this.createStandardOffices(repository, created, row.level);
        }
      }
      options.onProgress?.(++done, rows.length);
    }
    return { inserted, updated, officesCreated };
  }

  private async createStandardOffices(
    repository: OrganisationsRepository,
    commission: Organisation,
    level: keyof typeof STANDARD_OFFICES_BY_LEVEL,
  ): Promise<number> {
    const offices = STANDARD_OFFICES_BY_LEVEL[level];
    const taken = await repository.findTakenCodes(offices.map((o) => officeCode(commission.code, o.officeType)));
    let created = 0;
    for (const office of offices) {
      const code = officeCode(commission.code, office.officeType);
      if (taken.has(code)) continue;
      await repository.insert({
        code,
        name: office.name,
        kind: 'office',
        office_type: office.officeType,
        parent_id: commission.id,
        division_code: commission.division_code,
      });
      created++;
    }
    return created;
  }
}
