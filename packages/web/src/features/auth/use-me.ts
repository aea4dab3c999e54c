import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@qingfeng/core';
import { useCallback } from 'react';
import { type Me, getMe } from '../../api/auth';
import { ApiError, setCsrfToken } from '../../api/client';
import { ME_KEY } from '../../app/query-client';

/** The signed-in user, or null when nobody is (the API answered 401). */
async function getMeOrNull(): Promise<Me | null> {
  try {
    return await getMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: getMeOrNull, staleTime: 60_000 });
}

/** The user inside the console, where the route guard has made sure someone is signed in. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser outside a signed-in route');
  return data;
}

/** Whether the signed-in user holds a permission. */
export function useCan(): (permission: Permission) => boolean {
  const me = useSignedInUser();
  return useCallback((permission) => me.permissions.includes(permission), [me]);
}

/** Replaces the cached user after sign-in, or forgets it at sign-out. */
export function useSetMe(): (me: Me | null) => void {
  const client = useQueryClient();
  return useCallback(
    (me) => {
      if (me === null) client.clear();
      client.setQueryData(ME_KEY, me);
    },
    [client],
  );
}
