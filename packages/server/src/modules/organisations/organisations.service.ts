import { jurisdictionPrefix } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB, Organisation } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import {
  type CommissionLevel,
  type OrganisationShape,
  type RuleField,
  type RuleProblem,
  checkPlacement,
  checkShape,
  parseDivisionCode,
} from './organisation-rules.js';
import type { TCreateOrganisation, TOrganisationQuery, TUpdateOrganisation } from './organisations.schemas.js';
import { OrganisationsRepository } from './organisations.repository.js';
import type { Scope } from './scope.js';
import { STANDARD_OFFICES_BY_LEVEL, officeCode, officeFor } from './standard-offices.js';

const API_FIELD: Record<RuleField, string> = {
  level: 'level',
  officeType: 'officeType',
  unitType: 'unitType',
  parent: 'parentId',
  divisionCode: 'divisionCode',
};

function throwFirst(problems: RuleProblem[]): void {
  const first = problems[0];
  if (first) throw new ValidationError(`${API_FIELD[first.field]}: ${first.reason}`, API_FIELD[first.field]);
}

function divisionInScope(scope: Scope, raw: string): string {
  const parsed = parseDivisionCode(raw);
  if ('reason' in parsed) throw new ValidationError(`divisionCode: ${parsed.reason}`, 'divisionCode');
  if (!parsed.code.startsWith(scope.jurisdictionPrefix)) {
    throw new ForbiddenError('The division lies outside your jurisdiction', 'outside_jurisdiction');
  }
  return parsed.code;
}

/** Commissions, their offices and the units they supervise, always within a jurisdiction. */
export class OrganisationsService {
  constructor(private readonly db: Kysely<DB>) {}

  /** Organisations inside the scope's jurisdiction, filtered. */
  async listOrganisations(scope: Scope, query: Omit<TOrganisationQuery, 'view'>): Promise<Organisation[]> {
    return new OrganisationsRepository(this.db).findAll(scope.jurisdictionPrefix, query);
  }

  /** One organisation; NotFoundError when it does not exist or lies outside the jurisdiction. */
  async getOrganisation(scope: Scope, id: number, executor: Kysely<DB> = this.db): Promise<Organisation> {
    const row = await new OrganisationsRepository(executor).findById(scope.jurisdictionPrefix, id);
    if (!row) throw new NotFoundError('Organisation');
    return row;
  }

  /** One organisation by its code, within the jurisdiction. */
  async getOrganisationByCode(scope: Scope, code: string): Promise<Organisation> {
    const row = await new OrganisationsRepository(this.db).findByCode(scope.jurisdictionPrefix, code);
    if (!row) throw new NotFoundError(`Organisation ${code}`);
    return row;
  }

  /**
   * Creates an organisation inside the jurisdiction; a commission comes with its offices
   * (the standard ones of its level unless the input lists others). Audited.
   */
  async createOrganisation(scope: Scope, input: TCreateOrganisation): Promise<Organisation> {
    const shape: OrganisationShape = {
      kind: input.kind,
      level: input.level ?? null,
      officeType: input.officeType ?? null,
      unitType: input.unitType ?? null,
    };
    throwFirst(checkShape(shape));
    if (input.offices && input.kind !== 'commission') {
      throw new ValidationError('offices: only a commission has offices', 'offices');
    }
    const divisionCode = divisionInScope(scope, input.divisionCode);
    return this.db.transaction().execute(async (trx) => {
      const repository = new OrganisationsRepository(trx);
      const parent =
        input.parentId === undefined ? null : await repository.findById(scope.jurisdictionPrefix, input.parentId);
      if (input.parentId !== undefined && !parent) throw new NotFoundError('Parent organisation');
      throwFirst(
        checkPlacement(
          input.kind,
          parent ? { kind: parent.kind, divisionCode: parent.division_code } : null,
          divisionCode,
        ),
      );
      const offices =
        input.kind === 'commission'
          ? (input.offices?.map(officeFor) ?? STANDARD_OFFICES_BY_LEVEL[shape.level as CommissionLevel])
          : [];
      const codes = [input.code, ...offices.map((o) => officeCode(input.code, o.officeType))];
      const taken = await repository.findTakenCodes(codes);
      if (taken.size > 0) throw new ConflictError(`Code already in use: ${[...taken.keys()].join(', ')}`, 'code');
      const created = await repository.insert({
        code: input.code,
        name: input.name,
        kind: input.kind,
        commission_level: shape.level,
        office_type: shape.officeType,
        unit_type: shape.unitType,
        parent_id: parent?.id ?? null,
        division_code: divisionCode,
      });
      for (const office of offices) {
        await repository.insert({
          code: officeCode(input.code, office.officeType),
          name: office.name,
          kind: 'office',
          office_type: office.officeType,
          parent_id: created.id,
          division_code: divisionCode,
        });
      }
      await recordAudit(trx, scope.actor, {
        action: 'organisation.create',
        objectType: 'organisation',
        objectId: created.id,
        detail: { code: created.code, name: created.name, kind: created.kind, divisionCode, offices: offices.length },
      });
      return created;
    });
  }

  /**
   * Changes an organisation's name, attributes, parent or division, keeping the tree
   * consistent: no cycles, children stay inside its division, all inside the jurisdiction.
   */
  async updateOrganisation(scope: Scope, id: number, input: TUpdateOrganisation): Promise<Organisation> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new OrganisationsRepository(trx);
      const current = await this.getOrganisation(scope, id, trx);
      const shape: OrganisationShape = {
        kind: current.kind,
        level: input.level ?? current.commission_level,
        officeType: input.officeType ?? current.office_type,
        unitType: input.unitType ?? current.unit_type,
      };
      throwFirst(checkShape(shape));
      const divisionCode =
        input.divisionCode === undefined ? current.division_code : divisionInScope(scope, input.divisionCode);
      const parentId = input.parentId ?? current.parent_id;
      let parent: Organisation | undefined;
      if (parentId !== null) {
        parent = await repository.findById(scope.jurisdictionPrefix, parentId);
        // The current parent may lie above the jurisdiction (a county's own commission
        // hangs under the city); only a new parent must be inside it.
        if (!parent && input.parentId !== undefined) throw new NotFoundError('Parent organisation');
        if (parent && input.parentId !== undefined && (await this.wouldCycle(repository, id, parent.id))) {
          throw new ValidationError(
            'parentId: an organisation cannot be placed under itself or its descendants',
            'parentId',
          );
        }
      }
      if (parent)
        throwFirst(
          checkPlacement(current.kind, { kind: parent.kind, divisionCode: parent.division_code }, divisionCode),
        );
      if (divisionCode !== current.division_code) {
        if ((await repository.countChildrenOutside(id, jurisdictionPrefix(divisionCode))) > 0) {
          throw new ValidationError(
            'divisionCode: some sub-organisations would lie outside the new division',
            'divisionCode',
          );
        }
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const next = {
        name: input.name ?? current.name,
        commission_level: shape.level,
        office_type: shape.officeType,
        unit_type: shape.unitType,
        parent_id: parentId,
        division_code: divisionCode,
      };
      for (const [key, value] of Object.entries(next)) {
        const before = current[key as keyof typeof next];
        if (before !== value) changes[key] = { from: before, to: value };
      }
      if (Object.keys(changes).length === 0) return current;
      const updated = await repository.update(id, next);
      await recordAudit(trx, scope.actor, {
        action: 'organisation.update',
        objectType: 'organisation',
        objectId: id,
        detail: { code: current.code, changes },
      });
      return updated;
    });
  }

  private async wouldCycle(repository: OrganisationsRepository, id: number, newParentId: number): Promise<boolean> {
    if (newParentId === id) return true;
    return (await repository.findAncestorIds(newParentId)).includes(id);
  }
}
