/** "Add to talk track" on a chat answer: its question and the SQL that answered it become a golden question. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, addAnswerToTalkTrack, describeError } from '../api/client';
import { expectRescore } from '../api/rescore';
import { Button } from './ui';

export function AddToTalkTrack({ demoId, conversationId, turn, inTrack }:
  { demoId: string; conversationId: string; turn: number; inTrack: boolean }) {
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: () => addAnswerToTalkTrack(demoId, conversationId, turn),
    onSuccess: () => expectRescore(client, demoId),
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: ['talk-track', demoId] }),
      client.invalidateQueries({ queryKey: ['demo', demoId] }),
    ]),
  });
  const already = inTrack || (add.error instanceof ApiError && add.error.status === 409);
  if (already || add.isSuccess) {
    return <span className="inline-flex items-center gap-1 rounded-lg px-2 py-1.5 text-xs font-medium text-emerald-700 sm:mt-1" data-in-talk-track>
      <span aria-hidden="true">✓</span> In talk track
    </span>;
  }
  return (
    <span className="flex flex-col items-start gap-1 sm:mt-1">
      <Button variant="secondary" size="sm" busy={add.isPending} onClick={() => add.mutate()} data-add-to-talk-track>
        Add to talk track
      </Button>
      {add.isError && <span role="alert" className="max-w-xs text-xs text-rose-700">{describeError(add.error)}</span>}
    </span>
  );
}
