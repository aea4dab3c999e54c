import { NOTIFICATION_KINDS } from '@qingfeng/core';
import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

const ZId = z.number().int().positive().max(2_147_483_647);

export const ZNotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  /** Keyset pagination: the notifications with an id below this one (the last of the previous page). */
  before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZMarkRead = z.strictObject({ ids: z.array(ZId).min(1).max(200) });

/** A notification as codes and values: the console words it in the reader's language (core's describeNotification). */
export const ZNotification = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  subjectType: z.enum(['clue', 'case', 'warning']),
  subjectId: z.number(),
  divisionCode: z.string(),
  params: z.object({
    title: z.string().optional(),
    number: z.string().nullable().optional(),
    state: z.string().optional(),
    step: z.string().optional(),
    dueOn: z.string().optional(),
    daysLeft: z.number().optional(),
    modelId: z.string().optional(),
    explanation: ZLocalisedText.optional(),
  }),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  nextBefore: z.number().nullable(),
  unreadCount: z.number(),
});

export const ZUnreadCount = z.object({ unreadCount: z.number() });
