import {
  divisionLevel,
  isWithinJurisdiction,
  jurisdictionPrefix,
  parentDivisionCode,
  toDivisionCode12,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB, DivisionTable } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { ImportRejectedError, readCsvFile } from './csv-file.js';
import type { TDivision, TDivisionImportResult, TDivisionQuery } from './divisions.schemas.js';
import { DivisionsRepository } from './divisions.repository.js';
import type { ImportOptions } from './organisation-import.service.js';
import type { TImportProblem } from './organisations.schemas.js';
import type { Scope } from './scope.js';

const DIVISION_COLUMNS = {
  aliases: {
    code: 'code',
    代码: 'code',
    区划代码: 'code',
    编码: 'code',
    name: 'name',
    名称: 'name',
    区划名称: 'name',
    parent_code: 'parent_code',
    上级代码: 'parent_code',
    上级区划代码: 'parent_code',
    上级编码: 'parent_code',
  },
  required: ['code', 'name'],
} as const;

const BATCH = 1000;

function presentDivision(row: DivisionTable): TDivision {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code };
}

/**
 * The division catalogue. It is reference geography, not jurisdiction-bound data: anyone
 * with org.read may browse all of it (to pick a code), but an import may only write
 * divisions inside the importer's jurisdiction.
 */
export class DivisionsService {
  constructor(private readonly db: Kysely<DB>) {}

  async listDivisions(query: TDivisionQuery): Promise<TDivision[]> {
    const repository = new DivisionsRepository(this.db);
    const parent = query.parent ? toDivisionCode12(query.parent) : null;
    const rows = query.q
      ? await repository.search(query.q, parent ? jurisdictionPrefix(parent) : '', query.limit)
      : await repository.findChildren(parent, query.limit);
    return rows.map(presentDivision);
  }

  /**
   * Imports divisions (code, name, optional parent_code) from CSV, upserting by code.
   * All or nothing, like the organisation tree: a half-loaded catalogue would show
   * counties without their townships.
   */
  async importDivisions(scope: Scope, bytes: Uint8Array, options: ImportOptions = {}): Promise<TDivisionImportResult> {
    const { encoding, records } = await readCsvFile(bytes, DIVISION_COLUMNS);
    const problems: TImportProblem[] = [];
    const rows: DivisionTable[] = [];
    const seen = new Map<string, number>();
    for (const { row, cells } of records) {
      const report = (column: string, reason: string) =>
        problems.push({ row, column, value: cells[column] ?? '', reason });
      const code = toDivisionCode12(cells.code ?? '');
      if (!code) report('code', 'must be a 6-, 9- or 12-digit division code');
      else if (!code.startsWith(scope.jurisdictionPrefix)) report('code', 'outside your jurisdiction');
      else if (seen.has(code)) report('code', `repeats row ${seen.get(code)}`);
      const name = cells.name ?? '';
      if (name === '' || name.length > 100) report('name', 'required, up to 100 characters');
      let parentCode = code ? parentDivisionCode(code) : null;
      if (cells.parent_code) {
        parentCode = toDivisionCode12(cells.parent_code);
        if (!parentCode) report('parent_code', 'must be a 6-, 9- or 12-digit division code');
        else if (code && (parentCode === code || !isWithinJurisdiction(code, parentCode))) {
          report('parent_code', `does not contain ${code}`);
        }
      }
      if (code && !seen.has(code)) seen.set(code, row);
      if (code) rows.push({ code, name, level: divisionLevel(code), parent_code: parentCode });
    }
    if (records.length === 0) problems.push({ row: 2, column: '', value: '', reason: 'the file has no rows' });
    if (problems.length > 0) {
      await recordAudit(this.db, scope.actor, {
        action: 'division.import',
        outcome: 'failed',
        detail: { fileName: options.fileName ?? null, encoding, problems: problems.length },
      });
      throw new ImportRejectedError(problems);
    }

    return this.db.transaction().execute(async (trx) => {
      const repository = new DivisionsRepository(trx);
      let inserted = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const counts = await repository.upsert(rows.slice(i, i + BATCH));
        inserted += counts.inserted;
        updated += counts.updated;
        options.onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
      }
      await recordAudit(trx, scope.actor, {
        action: 'division.import',
        detail: { fileName: options.fileName ?? null, encoding, rows: rows.length, inserted, updated },
      });
      return { encoding, rows: rows.length, inserted, updated };
    });
  }
}
