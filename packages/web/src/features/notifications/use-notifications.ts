import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getInbox, listNotifications, markAllNotificationsRead, markNotificationsRead } from '../../api/notifications';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const INBOX_KEY = ['inbox'] as const;

/** A page of the user's notifications (keyset from `before`), with their unread count. */
export function useNotifications(query: { unread?: boolean; before?: number; limit: number }) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, query],
    queryFn: () => listNotifications(query),
    placeholderData: keepPreviousData,
  });
}

/** Marks notifications read (some, or all), then refreshes every list and the bell. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') => (ids === 'all' ? markAllNotificationsRead() : markNotificationsRead(ids)),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** What the user must act on now. */
export function useInbox(enabled = true) {
  return useQuery({ queryKey: INBOX_KEY, queryFn: getInbox, enabled });
}
