import type { ApiKeyServices } from './api-key-services.js';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { CatalogueService } from '../catalogue/index.js';
import { OrganisationsService, type Scope } from '../organisations/index.js';
import { formatApiKey, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import type { TCreateApiKey } from './api-keys.schemas.js';
import { type ApiKeyFilter, ApiKeysRepository, type ApiKeyWithDepartment } from './api-keys.repository.js';

/** A key just made, with the secret the department is given once. */
export interface CreatedApiKey {
  key: ApiKeyWithDepartment;
  secret: string;
}

async function checkDatasetTypes(services: ApiKeyServices, types: readonly string[]): Promise<string[]> {
  const unique = [...new Set(types)];
  const catalogue = new CatalogueService(services.database.db);
  const found = await Promise.all(unique.map((t) => catalogue.findDataset(t)));
  const unknown = unique.filter((_t, i) => found[i] === undefined);
  if (unknown.length > 0) {
    throw new ValidationError(`datasetTypes: unknown dataset type ${unknown.join(', ')}`, 'datasetTypes');
  }
  return unique;
}

/**
 * Makes a key for a department (an organisation of kind 'unit' inside the scope's
 * jurisdiction; 404 outside it, 400 for a commission or office) granted the given dataset
 * types. Only the SHA-256 of the secret is stored; the key is returned once, and its
 * creation is audited in the same transaction.
 */
export async function createApiKey(
  services: ApiKeyServices,
  scope: Scope,
  input: TCreateApiKey,
): Promise<CreatedApiKey> {
  const db = services.database.db;
  const department = await new OrganisationsService(db).getOrganisation(scope, input.departmentId);
  if (department.kind !== 'unit') {
    throw new ValidationError(
      'departmentId: keys are issued to departments (organisations of kind unit)',
      'departmentId',
    );
  }
  const datasetTypes = await checkDatasetTypes(services, input.datasetTypes);
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  if (expiresAt !== null && expiresAt <= services.clock.now()) {
    throw new ValidationError('expiresAt: must be in the future', 'expiresAt');
  }
  const secret = generateApiKeySecret();
  const id = await db.transaction().execute(async (trx) => {
    const row = await new ApiKeysRepository(trx).insertKey({
      org_id: department.id,
      name: input.name,
      secret_hash: hashApiKeySecret(secret),
      dataset_types: JSON.stringify(datasetTypes),
      rate_limit_per_minute: input.rateLimitPerMinute,
      expires_at: expiresAt,
      created_by: scope.userId,
    });
    await recordAudit(trx, scope.actor, {
      action: 'api_key.create',
      objectType: 'api_key',
      objectId: row.id,
      detail: { departmentCode: department.code, datasetTypes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return row.id;
  });
  return { key: await getApiKey(services, scope, id), secret: formatApiKey(id, secret) };
}

/** Keys of departments inside the scope's jurisdiction, newest first; revoked ones on request. */
export async function listApiKeys(
  services: ApiKeyServices,
  scope: Scope,
  filter: ApiKeyFilter,
): Promise<ApiKeyWithDepartment[]> {
  return new ApiKeysRepository(services.database.db).findAll(scope.jurisdictionPrefix, filter);
}

/** One key; NotFoundError when it does not exist or its department lies outside the jurisdiction. */
export async function getApiKey(services: ApiKeyServices, scope: Scope, id: number): Promise<ApiKeyWithDepartment> {
  const key = await new ApiKeysRepository(services.database.db).findById(scope.jurisdictionPrefix, id);
  if (!key) throw new NotFoundError('API key');
  return key;
}

/**
 * Revokes a key for good, with the reason on record; pushes with it are refused from the
 * next request on. Revoking twice is a 409.
 */
export async function revokeApiKey(
  services: ApiKeyServices,
  scope: Scope,
  id: number,
  reason: string,
): Promise<ApiKeyWithDepartment> {
  const db = services.database.db;
  const key = await getApiKey(services, scope, id);
  if (key.revoked_at !== null) throw new ConflictError('The key is already revoked', undefined, 'already_revoked');
  await db.transaction().execute(async (trx) => {
    await new ApiKeysRepository(trx).revokeKey(id, { at: services.clock.now(), by: scope.userId, reason });
    await recordAudit(trx, scope.actor, {
      action: 'api_key.revoke',
      objectType: 'api_key',
      objectId: id,
      reason,
      detail: { departmentCode: key.org_code },
    });
  });
  return getApiKey(services, scope, id);
}
