import type { NotificationKind, NotificationSubject } from '@qingfeng/core';
import type { NotificationRow } from '../../db/schema.js';
import type { TNotification } from './notifications.schemas.js';

/** A stored notification as the API answers it. */
export function presentNotification(row: NotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    subjectType: row.subject_type as NotificationSubject,
    subjectId: row.subject_id,
    divisionCode: row.division_code,
    params: row.params as TNotification['params'],
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
