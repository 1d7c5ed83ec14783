/**
 * Keeps the job in React Query's cache live: the server's SSE stream pushes each new version; if the stream ends
 * before the job finished (a dropped connection, the stream's time cap) it is opened again, and while it cannot
 * be opened the job is polled. The page itself only reads the cache, so a reload shows the server's state.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, getJob, streamJob, type Job } from '../api/client';

const terminal = (job: Job | undefined) => job?.status === 'completed' || job?.status === 'failed';

export function useJobStream(jobId: string) {
  const client = useQueryClient();
  const [streamBroken, setStreamBroken] = useState(false);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => getJob(jobId),
    refetchInterval: (q) => (streamBroken && !terminal(q.state.data) ? 1000 : false),
  });
  const finished = terminal(job.data);
  const known = job.isSuccess;

  useEffect(() => {
    if (!known || finished) return;
    const abort = new AbortController();
    let delay = 500;
    (async () => {
      while (!abort.signal.aborted) {
        try {
          const last = await streamJob(jobId, (j) => {
            client.setQueryData(['job', jobId], j);
            setStreamBroken(false);
          }, abort.signal);
          if (terminal(last ?? undefined)) return;
        } catch (e) {
          if (abort.signal.aborted) return;
          if (e instanceof ApiError && e.status < 500 && e.status !== 429) return; // 401/404: nothing to follow
          setStreamBroken(true);
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    })();
    return () => abort.abort();
  }, [jobId, known, finished, client]);

  return job;
}
