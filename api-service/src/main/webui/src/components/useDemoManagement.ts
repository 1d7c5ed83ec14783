/**
 * Whether this server has the demo-management API (dashboard, pin, clone, delete, share links). Until it
 * does, the pages leave out the actions that cannot work instead of offering buttons that fail; nothing needs to
 * change here when the API arrives. The answer is the dashboard query every signed-in page shares.
 */
import { useQuery } from '@tanstack/react-query';
import { getDashboard, isDemoManagementMissing } from '../api/client';

export const dashboardQuery = { queryKey: ['dashboard'], queryFn: getDashboard } as const;

/** `user`: the signed-in user as the dashboard names them (the `created_by` of their demos), once it has answered. */
export function useDemoManagement(): { missing: boolean; user: string | undefined } {
  const dashboard = useQuery(dashboardQuery);
  return { missing: isDemoManagementMissing(dashboard.error), user: dashboard.data?.user };
}
