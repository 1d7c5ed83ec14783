/**
 * The frame of a demo being presented (the CE's demo page and a shared link's page): the talk track and the tables
 * beside the chat. On a wide screen the side column stays in view while the conversation grows (scrolling on its
 * own when it is taller than the screen); on a narrow one the order is talk track, chat, tables.
 */
import type { ReactNode } from 'react';
import { Card } from './ui';

export function DemoLayout({ talkTrackTitle = 'Talk track', talkTrackAction, talkTrack, tablesNote, tables, chatTitle = 'Ask the data', chatAction, chat }:
  { talkTrackTitle?: string; talkTrackAction?: ReactNode; talkTrack: ReactNode; tablesNote?: ReactNode; tables: ReactNode;
    chatTitle?: string; chatAction?: ReactNode; chat: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] lg:items-start">
      <div className="contents lg:sticky lg:top-[4.5rem] lg:block lg:max-h-[calc(100vh-5.5rem)] lg:space-y-6 lg:overflow-y-auto lg:p-px"
        data-demo-side>
        <Card className="p-5">
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-900">{talkTrackTitle}</h2>
            {talkTrackAction}
          </div>
          {talkTrack}
        </Card>
        <Card className="order-3 p-5 lg:order-none">
          <div className="mb-2 flex items-baseline justify-between">
            <h2 className="text-sm font-semibold text-slate-900">Tables</h2>
            {tablesNote && <span className="text-xs text-slate-500">{tablesNote}</span>}
          </div>
          {tables}
        </Card>
      </div>
      <Card className="order-2 p-4 sm:p-5 lg:order-none">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 className="shrink-0 text-sm font-semibold text-slate-900">{chatTitle}</h2>
          {chatAction}
        </div>
        {chat}
      </Card>
    </div>
  );
}
