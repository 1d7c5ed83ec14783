import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Demo } from './client';
import { awaitingRescore, expectRescore } from './rescore';

const demo = (checkedAt: string | null) =>
  ({ demo_id: 'demo_1', readiness: checkedAt ? { score: 50, passed: 1, total: 2, failed: [], checked_at: checkedAt } : null }) as unknown as Demo;

describe('re-scoring after a talk-track edit', () => {
  it('polls until the readiness shows a newer check than the one before the edit', () => {
    const client = new QueryClient();
    client.setQueryData(['demo', 'demo_1'], demo('2026-12-07T10:00:00Z'));
    expectRescore(client, 'demo_1', 1_000);

    expect(awaitingRescore(client, 'demo_1', demo('2026-12-07T10:00:00Z'), 2_000)).toBe(true);
    expect(awaitingRescore(client, 'demo_1', demo('2026-12-07T10:00:05Z'), 2_000)).toBe(false);
  });

  it('polls a demo that had no score yet until it has one, and never past a minute', () => {
    const client = new QueryClient();
    expectRescore(client, 'demo_1', 1_000);

    expect(awaitingRescore(client, 'demo_1', demo(null), 30_000)).toBe(true);
    expect(awaitingRescore(client, 'demo_1', demo(null), 61_001)).toBe(false);
    expect(awaitingRescore(client, 'demo_1', demo('2026-12-07T10:00:05Z'), 30_000)).toBe(false);
  });

  it('does not poll a demo nobody edited', () => {
    expect(awaitingRescore(new QueryClient(), 'demo_2', demo('2026-12-07T10:00:00Z'))).toBe(false);
  });
});
