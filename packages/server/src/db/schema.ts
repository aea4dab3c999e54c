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
  /** Sealed identity number and its blind index: kinship data recuses a relative of a clue's subject. */
  id_number_enc: string | null;
  id_number_hash: string | null;
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

export type SensitiveRequestKind = 'person_search' | 'dataset_search' | 'rejected_download';
export type SensitiveRequestStatus = 'pending' | 'approved' | 'refused' | 'used';

/** A sensitive query awaiting or holding a second person's approval (modules/approvals). */
export interface SensitiveRequestTable {
  id: Generated<number>;
  kind: SensitiveRequestKind;
  query_masked: string;
  query_hash: string;
  reason: string;
  requested_by: number;
  requested_by_name: string;
  owner_prefix: string;
  status: ColumnType<SensitiveRequestStatus, SensitiveRequestStatus | undefined, SensitiveRequestStatus>;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_note: string | null;
  decided_at: Date | null;
  valid_until: Date | null;
  used_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
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

export type ImportFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type ImportMode = 'append' | 'replace';
export type ImportBatchStatus = 'loading' | 'loaded' | 'failed' | 'rolled_back';

/** One import of one file into the lake; the lake's own `lake_batches` says whether it committed. */
export interface ImportBatchTable {
  id: Generated<number>;
  dataset_type: string;
  department_code: string | null;
  file_name: string;
  /** SHA-256 of the file's bytes, hex. */
  content_hash: string;
  format: ImportFormat;
  mode: ImportMode;
  status: ImportBatchStatus;
  forced: Generated<boolean>;
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_rejected: Generated<number>;
  /** Cells of optional fields whose value could not be read: their rows loaded with the field empty. */
  cells_kept: Generated<number>;
  /** `cells_kept` per field key. */
  kept_by_field: ColumnType<Record<string, number>, Record<string, number> | undefined, Record<string, number>>;
  /** The user who imported it; null for the command line. */
  imported_by: number | null;
  replaced_by: number | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  error: string | null;
  /** The division of the organisation the batch belongs to: it is seen within that jurisdiction. */
  division_code: ColumnType<string, string | undefined, string>;
}

export type QualitySnapshotKind = 'dataset' | 'batch' | 'rejections';

/** The last quality figures computed in the lake for a dataset or batch, as one viewer's jurisdiction sees them. */
export interface QualitySnapshotTable {
  kind: QualitySnapshotKind;
  dataset_type: string;
  /** 0 for a whole dataset. */
  batch_id: number;
  jurisdiction_prefix: string;
  /** The state of the lake the figures were computed from; a different one means stale. */
  signature: string;
  report: unknown;
  computed_at: Timestamp;
}

export type ModelSource = 'builtin' | 'user';
export type WarningSeverity = 'red' | 'orange' | 'yellow';

/** A comparison model registered in this deployment; its documents are in `model_versions`. */
export interface ModelTable {
  id: string;
  source: ModelSource;
  category: string;
  severity: WarningSeverity;
  name_zh: string;
  name_en: string;
  current_version: number;
  /** The document version the product shipped last (built-in models only). */
  shipped_version: number | null;
  enabled: Generated<boolean>;
  /** '@daily', '@monthly' or a 5-field cron expression; null = not scheduled. */
  schedule: string | null;
  schedule_anchor_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** A builder model is a draft (or returned to its author) until a second person approves it. */
  review_status: Generated<ModelReviewStatus>;
  /** Who submitted the version under review: the one person who may not approve it. */
  submitted_by: number | null;
  /** The jurisdiction of the draft's author: a draft is seen and reviewed only there and above. */
  owner_prefix: Generated<string>;
}

export type ModelReviewStatus = 'draft' | 'returned' | 'approved';
export type ModelReviewStep = 'submitted' | 'approved' | 'returned';

/** One step of a model's review, for its history. */
export interface ModelReviewTable {
  id: Generated<number>;
  model_id: string;
  version: number;
  step: ModelReviewStep;
  by_user_id: number | null;
  by_name: string;
  reason: string | null;
  at: CreatedAt;
}

/** One version of a model: the document and the parameter values, with who changed it and why. */
export interface ModelVersionTable {
  model_id: string;
  version: number;
  document: unknown;
  params: unknown;
  changed_by: number | null;
  changed_by_name: string | null;
  changed_at: CreatedAt;
  reason: string;
}

export type ModelRunKind = 'full' | 'incremental' | 'scheduled';
/**
 * How a run ended: `succeeded` when every model ran (some may have waited for data),
 * `skipped` when none could run because every model's input datasets held no rows,
 * `failed` when any model failed, `cancelled` when stopped.
 */
export type ModelRunStatus = 'queued' | 'running' | 'succeeded' | 'skipped' | 'failed' | 'cancelled';

export interface ModelRunTable {
  id: Generated<number>;
  kind: ModelRunKind;
  status: ModelRunStatus;
  /** [{ modelId, version, params }] as run. */
  models: unknown;
  input_batch_ids: unknown;
  covered_batch_id: number | null;
  models_done: Generated<number>;
  models_total: number;
  hit_counts: Generated<unknown>;
  /** Milliseconds each model's evaluation took, by model id. */
  model_durations: Generated<unknown>;
  errors: Generated<unknown>;
  /** The models that did not run for want of rows, each with the input datasets it waits for. */
  skipped: Generated<unknown>;
  new_warnings: Generated<number>;
  updated_warnings: Generated<number>;
  requested_by: number | null;
  requested_by_name: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  /** Why the whole run failed (not one model): e.g. its process stopped mid-run. */
  error: string | null;
  /** The process that queued it: the key of that process's advisory lock while it lives (PostgreSQL). */
  runner_key: number | null;
  /** The jurisdiction prefix it ran in ('' = the whole country): it read, retired and is seen only there. */
  scope_prefix: Generated<string>;
  /** The organisation that started a county's run: the runner's audit entries are filed under it. */
  scope_org_id: number | null;
}

export type WarningStatus = 'new' | 'under_review' | 'confirmed' | 'false_positive' | 'not_actionable';

/** Why a warning was retired: its evidence rows were rolled back, or a full run no longer finds it. */
export type WarningRetiredReason = 'evidence_rolled_back' | 'no_longer_found';

/** A warning (预警): one hit of one model, kept across runs by its hit key. */
export interface WarningTable {
  id: Generated<number>;
  hit_key: string;
  model_id: string;
  model_version: number;
  severity: WarningSeverity;
  subject_key: string | null;
  subject_keys: unknown;
  /** Never null: a row's own division, the record's it belongs to, or its batch's (000000000000 at worst). */
  division_code: string;
  status: Generated<WarningStatus>;
  status_reason: string | null;
  status_changed_at: Date | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  first_run_id: number | null;
  last_run_id: number | null;
  facts: unknown;
  explanation_zh: string;
  explanation_en: string;
  /** Set (with the reason) when the data no longer supports the warning; beside the status, not one of it. */
  retired_at: Date | null;
  retired_reason: WarningRetiredReason | null;
  /** The summary of all its evidence (see ModelSpec.summary): rows, items, period, total. */
  evidence_count: Generated<number>;
  item_count: Generated<number>;
  period_from: string | null;
  period_to: string | null;
  /** numeric(18,2): read as text by the drivers. */
  amount_total: string | number | null;
}

/** A source row behind a warning, by dataset, batch and row number in the lake. */
export interface WarningEvidenceTable {
  warning_id: number;
  dataset: string;
  batch_id: number;
  row_no: number;
  role: string;
  /** For a row the model's summary counts: the item (natural key md5), its period and amount. */
  item_key: string | null;
  period: string | null;
  amount: string | number | null;
}

/** A handler's status change, or what the platform did: retired, restored, no longer found. */
/**
 * Appended changes to the warnings' counts per cell (migration 20261215170000): a cell's
 * count is the sum of its rows' `n`. Written only by the triggers on warnings and by the fold.
 */
export interface WarningCountChangeTable {
  division_code: string | null;
  model_id: string;
  severity: WarningSeverity;
  status: WarningStatus;
  retired: boolean;
  n: ColumnType<string | number, number, never>;
}

/** The same for live warnings by month of first sight (YYYY-MM): the overview's trend and overdue figure. */
export interface WarningMonthChangeTable {
  division_code: string | null;
  status: WarningStatus;
  month: string;
  n: ColumnType<string | number, number, never>;
}

export type WarningEventKind = 'status' | 'retired' | 'restored' | 'not_found' | 'evidence_added';

export interface WarningEventTable {
  id: Generated<number>;
  warning_id: number;
  kind: Generated<WarningEventKind>;
  from_status: string;
  to_status: string;
  reason: string | null;
  user_id: number | null;
  username: string | null;
  /** The run or the rolled-back batch behind a platform event. */
  run_id: number | null;
  batch_id: number | null;
  at: CreatedAt;
}

/** A department's key for pushing rows over the API; only a hash of its secret is kept. */
export interface ApiKeyTable {
  id: Generated<number>;
  /** The department: an organisation of kind 'unit'. */
  org_id: number;
  name: string;
  /** SHA-256 (hex) of the key's random part. */
  secret_hash: string;
  /** JSON array of the dataset type keys granted. */
  dataset_types: unknown;
  rate_limit_per_minute: Generated<number>;
  expires_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: number | null;
  revoke_reason: string | null;
}

export interface CustomDatasetTypeTable {
  id: Generated<number>;
  /** `x_` followed by a lower-case snake_case name. */
  key: string;
  name_zh: string;
  name_en: string;
  source_zh: string;
  source_en: string;
  /** JSON array of field definitions (core's FieldDef). */
  fields: unknown;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CatalogueSynonymTable {
  id: Generated<number>;
  dataset_type: string;
  field_key: string;
  synonym: string;
  /** The synonym folded as header matching compares it; unique per dataset type. */
  folded: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface MappingTemplateTable {
  id: Generated<number>;
  department_code: string;
  dataset_type: string;
  /** JSON object: header text → field key. */
  mapping: unknown;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The transparency log itself: one row, its hash and origin fixed at its first entry. */
export interface TransparencyLogTable {
  id: number;
  hash_name: 'sha256' | 'sm3';
  origin: string;
  /** Entries sequenced so far. */
  size: Generated<number>;
  created_at: CreatedAt;
}

/** Source rows waiting for the sequencer (filled by triggers on the source tables). */
export interface TransparencyQueueTable {
  id: ColumnType<number, never, never>;
  kind: string;
  source_id: string;
  queued_at: CreatedAt;
}

/** One log entry: its canonical bytes and leaf hash, at its index. */
export interface TransparencyEntryTable {
  idx: number;
  kind: string;
  source_id: string;
  division_code: string | null;
  entry: Uint8Array;
  leaf_hash: Uint8Array;
  logged_at: CreatedAt;
}

/** A perfect subtree's hash: level 0 are leaf hashes. */
export interface TransparencySubtreeTable {
  level: number;
  idx: number;
  hash: Uint8Array;
}

/** A signed tree head: its size, root and the whole signed note. */
export interface TransparencyTreeHeadTable {
  id: ColumnType<number, never, never>;
  size: number;
  root_hash: Uint8Array;
  signed_at: Date;
  note: string;
}

export interface ClueProblemTypeTable {
  code: string;
  name_zh: string;
  name_en: string;
  retired: Generated<boolean>;
}

/** A clue (问题线索): its facts beside the core's record of where the procedure stands. */
export interface ClueTable {
  id: Generated<number>;
  org_id: number;
  division_code: string;
  source: string;
  problem_type: string;
  title: string;
  summary: string;
  state: string;
  registration_year: number | null;
  registration_seq: number | null;
  registration_number: string | null;
  /** The core's ClueRecord after the last step, as JSON. */
  record: unknown;
  deadline_step: string | null;
  /** A calendar date; drivers read it as a Date or a string. */
  deadline_due: ColumnType<Date | string | null, string | null, string | null>;
  responsible_org_id: number | null;
  responsible_user_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ClueNumberCounterTable {
  org_id: number;
  year: number;
  last_seq: number;
}

/** A person or unit a clue or case is about: identity numbers sealed, with a blind index. */
interface SubjectColumns {
  id: Generated<number>;
  kind: 'official' | 'unit';
  name: string;
  position: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
}

export interface ClueSubjectTable extends SubjectColumns {
  clue_id: number;
  /** A unit's credit code, normalised (GB 32100), and its name folded for comparison. */
  credit_code: string | null;
  name_key: string | null;
}

/** One entry of a clue's or a case's timeline: the tables refuse updates and deletes. */
interface StepColumns {
  id: Generated<string>;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  actor_name: string;
  at: Timestamp;
  payload: unknown;
  reason: string | null;
  attachments: unknown;
  deadline: unknown;
}

export interface ClueStepTable extends StepColumns {
  clue_id: number;
}

export interface ClueLinkTable {
  clue_id: number;
  other_clue_id: number;
  kind: 'merged' | 'related';
  created_at: CreatedAt;
}

/** Someone recused from a clue (declared, decided by a leader, or found by kinship): lists leave it out for them. */
export interface ClueRecusalTable {
  clue_id: number;
  user_id: number;
  source: 'declared' | 'decided' | 'kinship';
  created_at: CreatedAt;
}

export interface ClueWarningTable {
  warning_id: number;
  clue_id: number;
}

/** A case (审查调查 → 审理 → 处分): its facts beside the core's record of where the procedure stands. */
export interface CaseTable {
  id: Generated<number>;
  org_id: number;
  division_code: string;
  clue_id: number | null;
  title: string;
  summary: string;
  problem_type: string;
  state: string;
  case_year: number | null;
  case_seq: number | null;
  case_number: string | null;
  /** The core's CaseRecord after the last step, as JSON. */
  record: unknown;
  deadline_step: string | null;
  /** A calendar date; drivers read it as a Date or a string. */
  deadline_due: ColumnType<Date | string | null, string | null, string | null>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CaseNumberCounterTable {
  org_id: number;
  year: number;
  last_seq: number;
}

export interface CaseSubjectTable extends SubjectColumns {
  case_id: number;
  /** A unit's credit code, normalised (GB 32100), as its clue had it (migration 20261216100000). */
  credit_code: string | null;
}

export interface CaseStepTable extends StepColumns {
  case_id: number;
}

/** An item of evidence with its bytes and the hash taken when it arrived; append-only, queued for the log. */
export interface CaseEvidenceTable {
  id: Generated<number>;
  case_id: number;
  title: string;
  kind: 'file' | 'record';
  file_name: string;
  media_type: string;
  size: number;
  hash_name: 'sha256' | 'sm3';
  hash: string;
  content: Uint8Array;
  supersedes_id: number | null;
  added_by: number | null;
  added_by_name: string;
  added_at: Timestamp;
}

/** One entry of the money-and-property ledger (the core's LedgerEntry as JSON); append-only. */
export interface CasePropertyEntryTable {
  id: Generated<string>;
  case_id: number;
  item_id: string;
  type: 'register' | 'move';
  entry: unknown;
  actor_id: number | null;
  actor_name: string;
  at: Timestamp;
}

/** A notice to one user, kept until read and after: codes and values, worded by the reader's console. */
export interface NotificationTable {
  id: Generated<number>;
  recipient_user_id: number;
  kind: string;
  subject_type: string;
  subject_id: number;
  division_code: string;
  params: unknown;
  occasion: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
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
  sensitive_requests: SensitiveRequestTable;
  audit_log: AuditLogTable;
  import_batches: ImportBatchTable;
  quality_snapshots: QualitySnapshotTable;
  models: ModelTable;
  model_versions: ModelVersionTable;
  model_reviews: ModelReviewTable;
  model_runs: ModelRunTable;
  warnings: WarningTable;
  warning_evidence: WarningEvidenceTable;
  warning_events: WarningEventTable;
  warning_count_changes: WarningCountChangeTable;
  warning_month_changes: WarningMonthChangeTable;
  api_keys: ApiKeyTable;
  custom_dataset_types: CustomDatasetTypeTable;
  catalogue_synonyms: CatalogueSynonymTable;
  mapping_templates: MappingTemplateTable;
  transparency_log: TransparencyLogTable;
  transparency_queue: TransparencyQueueTable;
  transparency_entries: TransparencyEntryTable;
  transparency_subtrees: TransparencySubtreeTable;
  transparency_tree_heads: TransparencyTreeHeadTable;
  clue_problem_types: ClueProblemTypeTable;
  clues: ClueTable;
  clue_number_counters: ClueNumberCounterTable;
  clue_subjects: ClueSubjectTable;
  clue_steps: ClueStepTable;
  clue_links: ClueLinkTable;
  clue_warnings: ClueWarningTable;
  clue_recusals: ClueRecusalTable;
  cases: CaseTable;
  case_number_counters: CaseNumberCounterTable;
  case_subjects: CaseSubjectTable;
  case_steps: CaseStepTable;
  case_evidence: CaseEvidenceTable;
  case_property_entries: CasePropertyEntryTable;
  notifications: NotificationTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type ImportBatch = Selectable<ImportBatchTable>;
export type ModelRow = Selectable<ModelTable>;
export type ModelVersionRow = Selectable<ModelVersionTable>;
export type ModelReviewRow = Selectable<ModelReviewTable>;
export type ModelRunRow = Selectable<ModelRunTable>;
export type WarningRow = Selectable<WarningTable>;
export type WarningEvidenceRow = Selectable<WarningEvidenceTable>;
export type WarningEventRow = Selectable<WarningEventTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type CustomDatasetTypeRow = Selectable<CustomDatasetTypeTable>;
export type CatalogueSynonymRow = Selectable<CatalogueSynonymTable>;
export type MappingTemplateRow = Selectable<MappingTemplateTable>;
export type ClueRow = Selectable<ClueTable>;
export type ClueStepRow = Selectable<ClueStepTable>;
export type ClueSubjectRow = Selectable<ClueSubjectTable>;
export type CaseRow = Selectable<CaseTable>;
export type CaseStepRow = Selectable<CaseStepTable>;
export type CaseSubjectRow = Selectable<CaseSubjectTable>;
export type CaseEvidenceRow = Selectable<CaseEvidenceTable>;
export type CasePropertyEntryRow = Selectable<CasePropertyEntryTable>;
export type NotificationRow = Selectable<NotificationTable>;
