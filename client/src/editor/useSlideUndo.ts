/**
 * The slide-operation undo stack (see slideUndo.ts) for one open deck. Created in an effect
 * (StrictMode-safe) and rebuilt when the document changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { createSlideUndo, type SlideUndo } from './slideUndo.ts';

export interface SlideUndoApi {
  run<T>(change: () => T): T | undefined;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * @param selection the selected slide, remembered with each step
 * @param onRestore called with the slide that was selected when an undone or redone step was made
 */
export function useSlideUndo(doc: Y.Doc, selection: string | null, onRestore: (slideId: string) => void): SlideUndoApi {
  const [undo, setUndo] = useState<SlideUndo | null>(null);
  const [flags, setFlags] = useState({ canUndo: false, canRedo: false });
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const onRestoreRef = useRef(onRestore);
  onRestoreRef.current = onRestore;

  useEffect(() => {
    const manager = createSlideUndo(doc, () => selectionRef.current);
    const unsubscribe = manager.subscribe((restored) => {
      setFlags({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
      if (restored) onRestoreRef.current(restored);
    });
    setUndo(manager);
    setFlags({ canUndo: false, canRedo: false });
    return () => {
      unsubscribe();
      manager.destroy();
      setUndo(null);
    };
  }, [doc]);

  const run = useCallback(<T,>(change: () => T): T | undefined => (undo ? undo.run(change) : undefined), [undo]);
  const doUndo = useCallback(() => undo?.undo(), [undo]);
  const doRedo = useCallback(() => undo?.redo(), [undo]);
  return { run, undo: doUndo, redo: doRedo, canUndo: flags.canUndo, canRedo: flags.canRedo };
}
