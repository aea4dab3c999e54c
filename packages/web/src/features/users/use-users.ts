import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type UserQuery, listUsers } from '../../api/users';

export const USERS_KEY = ['users'] as const;

/** One page of users matching the filter; the previous page stays shown while the next loads. */
export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
  });
}
