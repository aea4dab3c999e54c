import { maskIdNumber, maskPhone, type Role } from '@qingfeng/core';
import type { FieldCrypto } from '../../security/field-crypto.js';
import type { UserWithOrg } from './users.repository.js';
import type { TUser } from './users.schemas.js';

/** A user as the API shows them: no hashes or secrets, and the phone and identity numbers masked. */
export function presentUser(row: UserWithOrg, crypto: FieldCrypto, now = new Date()): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    org: { id: row.org_id, code: row.org_code, name: row.org_name, divisionCode: row.division_code },
    phone: row.phone_enc ? maskPhone(crypto.decrypt(row.phone_enc)) : null,
    idNumber: row.id_number_enc ? maskIdNumber(crypto.decrypt(row.id_number_enc)) : null,
    disabled: row.disabled,
    locked: row.locked_until !== null && row.locked_until.getTime() > now.getTime(),
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
    passwordChangedAt: new Date(row.password_changed_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
