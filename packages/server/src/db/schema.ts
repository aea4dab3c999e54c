import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types of the operational store. One interface per table, gathered in `DB`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface DivisionTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface OrganisationTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'commission' | 'office' | 'unit';
  commission_level: 'province' | 'city' | 'county' | 'township' | null;
  office_type: string | null;
  unit_type: 'department' | 'soe' | 'school' | 'hospital' | 'village' | 'other' | null;
  parent_id: number | null;
  division_code: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  role: string;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  /** The RFC 6238 time step of the last accepted code; a code at or before it is a replay. */
  totp_last_step: number | null;
  phone_enc: string | null;
  phone_hash: string | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: CreatedAt;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  mfa_pending: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RolePermissionTable {
  role: string;
  permission: string;
}

export interface SecurityPolicyTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
  updated_by: number | null;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: CreatedAt;
  user_id: number | null;
  username: string | null;
  role: string | null;
  org_id: number | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  subject: string | null;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  outcome: AuditOutcome;
  detail: unknown;
}

export interface DB {
  divisions: DivisionTable;
  organisations: OrganisationTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  role_permissions: RolePermissionTable;
  security_policies: SecurityPolicyTable;
  audit_log: AuditLogTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
