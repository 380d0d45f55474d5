/**
 * Starting and ending the live session from the presenter window.
 *
 * The server starts a new session at the first slide; the presenter stays where they are
 * (where they rehearsed to, or the slide they chose "Present from this slide" on), so once
 * the started state has reached this window's document the position is written there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readPresentation, slideIds, writePresentation, type PresentationState } from '../../../shared/deckModel.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { startPresentation, stopPresentation } from '../api/presentation.ts';
import type { Position } from './usePosition.ts';

export interface Session {
  busy: 'start' | 'stop' | null;
  error: string | null;
  start(): Promise<void>;
  stop(keepUntil?: string): Promise<boolean>;
}

export function useSession(deckId: string, doc: Y.Doc | null, presentation: PresentationState, here: () => Position): Session {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hereRef = useRef(here);
  hereRef.current = here;

  const pendingStart = useRef<{ startedAt: string | null; position: Position } | null>(null);
  const applyPendingStart = useCallback(() => {
    const pending = pendingStart.current;
    if (!pending || !doc) return;
    const now = readPresentation(doc);
    if (!now.active || now.startedAt !== pending.startedAt) return;
    pendingStart.current = null;
    if (pending.position.slideId && slideIds(doc).includes(pending.position.slideId) && now.slideId !== pending.position.slideId) {
      writePresentation(doc, { slideId: pending.position.slideId, fragment: pending.position.fragment });
    }
  }, [doc]);
  useEffect(() => applyPendingStart(), [applyPendingStart, presentation.active, presentation.startedAt]);

  const start = useCallback(async () => {
    setBusy('start');
    setError(null);
    const position = hereRef.current();
    try {
      const state = await startPresentation(deckId);
      pendingStart.current = { startedAt: state.startedAt, position };
      applyPendingStart();
    } catch (err) {
      setError(t('present:startFailed', { message: errorMessage(t, err) }));
    } finally {
      setBusy(null);
    }
  }, [applyPendingStart, deckId, t]);

  const stop = useCallback(
    async (keepUntil?: string) => {
      setBusy('stop');
      setError(null);
      try {
        await stopPresentation(deckId, keepUntil);
        return true;
      } catch (err) {
        setError(t('present:stopFailed', { message: errorMessage(t, err) }));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [deckId, t],
  );

  return { busy, error, start, stop };
}
