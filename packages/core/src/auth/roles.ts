import type { Permission } from './permissions.js';

/**
 * Roles of the people who use Qingfeng. The last three are the separated administrators
 * that government systems require (三员分立): none of them can do another's job, and the
 * system administrator cannot read case content.
 */
export const ROLES = [
  'leader',
  'case_management',
  'letters_visits',
  'supervision',
  'investigation',
  'trial',
  'data_admin',
  'model_analyst',
  'unit_liaison',
  'sys_admin',
  'sec_admin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** The three separated administrators. Their permission sets are fixed, not editable. */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  leader: { zh: '委领导', en: 'Commission leader' },
  case_management: { zh: '案件监督管理', en: 'Case management' },
  letters_visits: { zh: '信访', en: 'Letters and visits' },
  supervision: { zh: '监督检查', en: 'Supervision and inspection' },
  investigation: { zh: '审查调查', en: 'Review and investigation' },
  trial: { zh: '案件审理', en: 'Trial' },
  data_admin: { zh: '数据管理员', en: 'Data administrator' },
  model_analyst: { zh: '模型分析员', en: 'Model analyst' },
  unit_liaison: { zh: '责任单位联络员', en: 'Responsible-unit liaison' },
  sys_admin: { zh: '系统管理员', en: 'System administrator' },
  sec_admin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '安全审计员', en: 'Security auditor' },
};

const CASEWORK: Permission[] = ['warning.read', 'clue.read', 'case.read', 'person.read', 'dashboard.read'];

/**
 * Default permissions per role. The security administrator may change the business roles'
 * sets at run time; the separated administrators keep exactly these.
 */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The leader approves what an analyst builds: the one who writes a model never enables it.
  // The leader also approves sensitive queries, when the security administrator asks for that.
  leader: [...CASEWORK, 'org.read', 'dataset.read', 'model.read', 'model.approve', 'sensitive.approve', 'report.read'],
  case_management: [...CASEWORK, 'org.read', 'clue.handle', 'case.handle', 'warning.handle', 'report.read'],
  letters_visits: [...CASEWORK, 'org.read', 'report.read', 'report.handle', 'clue.handle', 'reply.handle'],
  supervision: [...CASEWORK, 'org.read', 'warning.handle', 'clue.handle', 'report.read'],
  investigation: [...CASEWORK, 'org.read', 'clue.handle', 'case.handle'],
  trial: ['case.read', 'person.read', 'trial.handle', 'org.read', 'dashboard.read'],
  data_admin: ['org.read', 'dataset.read', 'dataset.import', 'dataset.manage', 'person.read'],
  model_analyst: ['org.read', 'dataset.read', 'model.read', 'model.manage', 'model.run', 'warning.read'],
  unit_liaison: ['report.read', 'reply.handle'],
  sys_admin: ['org.read', 'org.manage', 'user.read', 'user.manage', 'settings.manage'],
  sec_admin: ['user.read', 'role.read', 'role.manage', 'policy.manage', 'org.read'],
  auditor: ['audit.read', 'audit.export', 'org.read', 'user.read'],
};

/**
 * Permissions a business role may never be given, whatever the security administrator
 * chooses, so that the separation of the three administrators cannot be undone by
 * granting their powers to another role.
 */
export const ADMIN_ONLY_PERMISSIONS: readonly Permission[] = [
  'user.manage',
  'role.manage',
  'policy.manage',
  'audit.read',
  'audit.export',
  'settings.manage',
  'org.manage',
];
