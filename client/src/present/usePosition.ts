/**
 * Where the presenter is, shared by the presenter window and the speaker view.
 *
 * While a session runs the position lives in the deck document (`presentation.slideId` and
 * `fragment`): every window of every editor follows it and attendees see it. Before the
 * session starts (a rehearsal) nothing is written to the document; the presenter and the
 * speaker view of one browser keep in step over a BroadcastChannel instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { writePresentation, type PresentationState } from '../../../shared/deckModel.ts';

export interface Position {
  slideId: string | null;
  fragment: number;
}

type ChannelMessage = { type: 'hello' } | { type: 'position'; position: Position };

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (p.slideId === null || typeof p.slideId === 'string') && typeof p.fragment === 'number' && Number.isInteger(p.fragment);
}

const NOWHERE: Position = { slideId: null, fragment: 0 };

/** `initial`: where a rehearsal begins (the presenter opened "from this slide"); else the first slide. */
export function usePosition(deckId: string, doc: Y.Doc | null, presentation: PresentationState, initial: Position = NOWHERE): { position: Position; go: (next: Position) => void } {
  const [local, setLocal] = useState<Position>(initial);
  const localRef = useRef<Position>(initial);
  const sendRef = useRef<((message: ChannelMessage) => void) | null>(null);
  const activeRef = useRef(presentation.active);
  activeRef.current = presentation.active;

  const setBoth = useCallback((next: Position) => {
    localRef.current = next;
    setLocal((previous) => (previous.slideId === next.slideId && previous.fragment === next.fragment ? previous : next));
  }, []);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`tussenstand-present:${deckId}`);
    const send = (message: ChannelMessage) => {
      // A BroadcastChannel only reaches this origin's windows: there is no target origin to give.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      channel.postMessage(message);
    };
    sendRef.current = send;
    channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
      const message = event.data;
      if (message?.type === 'hello') {
        if (localRef.current.slideId !== null) send({ type: 'position', position: localRef.current });
      } else if (message?.type === 'position' && isPosition(message.position)) {
        setBoth(message.position);
      }
    });
    // A window that opens late asks the others where they are.
    send({ type: 'hello' });
    return () => {
      channel.close();
      sendRef.current = null;
    };
  }, [deckId, setBoth]);

  // During a session the document is the truth; keep the local copy with it, so that ending
  // the session leaves every window where it was.
  useEffect(() => {
    if (presentation.active && presentation.slideId !== null) setBoth({ slideId: presentation.slideId, fragment: presentation.fragment });
  }, [presentation.active, presentation.slideId, presentation.fragment, setBoth]);

  const go = useCallback(
    (next: Position) => {
      if (activeRef.current && doc) writePresentation(doc, { slideId: next.slideId, fragment: next.fragment });
      setBoth(next);
      sendRef.current?.({ type: 'position', position: next });
    },
    [doc, setBoth],
  );

  const position = presentation.active && presentation.slideId !== null ? { slideId: presentation.slideId, fragment: presentation.fragment } : local;
  return { position, go };
}
