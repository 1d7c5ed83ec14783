/** The caller's dashboard, one query every signed-in page shares (it also names the signed-in user). */
import { useQuery } from '@tanstack/react-query';
import { getDashboard } from '../api/client';

export const dashboardQuery = { queryKey: ['dashboard'], queryFn: getDashboard } as const;

/** The signed-in user as the dashboard names them (the `created_by` of their demos), once it has answered. */
export function useSignedInUser(): string | undefined {
  return useQuery(dashboardQuery).data?.user;
}
