import { type NotificationSubject, type Permission, type Role, isRole, jurisdictionPrefix } from '@qingfeng/core';
import type { NotificationServices } from './notification-services.js';
import { NotificationsRepository } from './notifications.repository.js';

/** Someone a notification may go to, with what their role lets them do and where. */
export interface StaffMember {
  id: number;
  role: Role;
  orgId: number;
  jurisdictionPrefix: string;
  permissions: ReadonlySet<Permission>;
}

/** The permission that reads what a notification is about: a reader without it never sees it. */
export const SUBJECT_PERMISSION: Record<NotificationSubject, Permission> = {
  clue: 'clue.read',
  case: 'case.read',
  warning: 'warning.read',
};

/** The subjects whose notifications a holder of `permissions` may see. */
export function readableSubjects(permissions: ReadonlySet<Permission>): NotificationSubject[] {
  return (Object.keys(SUBJECT_PERMISSION) as NotificationSubject[]).filter((s) =>
    permissions.has(SUBJECT_PERMISSION[s]),
  );
}

/** Every enabled user, with their role's permissions (read through the roles' cache) and jurisdiction. */
export async function loadStaff(services: NotificationServices): Promise<StaffMember[]> {
  const rows = await new NotificationsRepository(services.database.db).findStaff();
  const staff: StaffMember[] = [];
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    staff.push({
      id: row.id,
      role: row.role,
      orgId: row.org_id,
      jurisdictionPrefix: jurisdictionPrefix(row.division_code),
      permissions: await services.rolePermissions.getPermissions(row.role),
    });
  }
  return staff;
}

/** Whether `member` may read `subject` lying in `divisionCode`. */
export function mayRead(member: StaffMember, subject: NotificationSubject, divisionCode: string): boolean {
  return member.permissions.has(SUBJECT_PERMISSION[subject]) && divisionCode.startsWith(member.jurisdictionPrefix);
}
