/** A conversation with a demo's agent: the turns so far, asking the next question, the conversation id. */
import { useCallback, useRef, useState } from 'react';
import type { ChatReply } from '../api/client';
import type { Answer } from './AnswerView';

export interface Turn {
  question: string;
  answer?: Answer;
  error?: unknown;
}

export type Ask = (message: string, conversationId?: string) => Promise<ChatReply>;

export function useChat(ask: Ask, options: { initialTurns?: Turn[]; conversationId?: string;
  onConversation?: (id: string) => void } = {}) {
  const [turns, setTurns] = useState<Turn[]>(options.initialTurns ?? []);
  const [pending, setPending] = useState(false);
  const conversation = useRef<string | undefined>(options.conversationId);

  const send = useCallback(async (message: string) => {
    const text = message.trim();
    if (!text || pending) return;
    setPending(true);
    setTurns((t) => [...t, { question: text }]);
    try {
      const reply = await ask(text, conversation.current);
      if (reply.conversation_id && reply.conversation_id !== conversation.current) {
        conversation.current = reply.conversation_id;
        options.onConversation?.(reply.conversation_id);
      }
      setTurns((t) => t.map((turn, i) => (i === t.length - 1 ? { question: text, answer: reply } : turn)));
    } catch (error) {
      setTurns((t) => t.map((turn, i) => (i === t.length - 1 ? { question: text, error } : turn)));
    } finally {
      setPending(false);
    }
  }, [ask, pending, options]);

  const reset = useCallback((initial: Turn[] = [], conversationId?: string) => {
    conversation.current = conversationId;
    setTurns(initial);
  }, []);

  return { turns, pending, send, reset, conversationId: conversation.current };
}
