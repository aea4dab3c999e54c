import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

export const ME_KEY = ['me'] as const;

/**
 * One query client. A 401 or a pending password change anywhere means the session state
 * changed under us, so `me` is refetched and the route guards send the user on.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === ME_KEY[0]) return;
        if (error instanceof ApiError && (error.status === 401 || error.code === 'password_change_required')) {
          void client.invalidateQueries({ queryKey: ME_KEY });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
    },
  });
  return client;
}
