/**
 * A talk-track edit queues a new readiness score (a readiness job); the demo page polls the demo until its readiness
 * shows a newer check than the one it had when the edit was saved, for at most a minute.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Demo } from './client';

const WAIT_MS = 60_000;

interface Rescore {
  before: string | null;
  until: number;
}

/** Records that the demo's readiness is being scored again (call after a talk-track edit succeeded). */
export function expectRescore(client: QueryClient, demoId: string, now: number = Date.now()): void {
  const before = client.getQueryData<Demo>(['demo', demoId])?.readiness?.checked_at ?? null;
  client.setQueryData<Rescore>(['rescore', demoId], { before, until: now + WAIT_MS });
}

/** Whether the demo page should keep polling: a re-score was queued and the demo does not show its result yet. */
export function awaitingRescore(client: QueryClient, demoId: string, demo: Demo | undefined, now: number = Date.now()): boolean {
  const r = client.getQueryData<Rescore>(['rescore', demoId]);
  return Boolean(r && now < r.until && (demo?.readiness?.checked_at ?? null) === r.before);
}
