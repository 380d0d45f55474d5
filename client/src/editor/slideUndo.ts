/**
 * Undo and redo for slide operations (add, duplicate, delete, move, layout), separate from
 * text undo. A Y.UndoManager over the order and the slides map that tracks only this
 * editor's own origin: a collaborator's changes, and text typed into a slide (which the
 * Collaboration extension writes with its own origin), are never undone from here.
 *
 * Each operation is its own step (captureTimeout 0): two quick deletes are two undos.
 * The selected slide is remembered with each step so that undo brings the user back to
 * where the change happened.
 */
import * as Y from 'yjs';
import { deckTypes } from '../../../shared/deckModel.ts';

export interface SlideUndo {
  /** Runs a change as one undoable step. */
  run<T>(change: () => T): T;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Called after every stack change, and with the slide to select after an undo or redo. */
  subscribe(listener: (restoredSelection: string | null) => void): () => void;
  destroy(): void;
}

export function createSlideUndo(doc: Y.Doc, currentSelection: () => string | null): SlideUndo {
  const origin = { slideUndo: true };
  const { order, slides } = deckTypes(doc);
  const manager = new Y.UndoManager([order, slides], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const listeners = new Set<(restored: string | null) => void>();
  const notify = (restored: string | null): void => {
    for (const listener of listeners) listener(restored);
  };

  const onAdded = ({ stackItem }: { stackItem: { meta: Map<string, unknown> } }): void => {
    stackItem.meta.set('selection', currentSelection());
    notify(null);
  };
  const onPopped = ({ stackItem }: { stackItem: { meta: Map<string, unknown> } }): void => {
    const selection = stackItem.meta.get('selection');
    notify(typeof selection === 'string' ? selection : null);
  };
  const onCleared = (): void => notify(null);
  manager.on('stack-item-added', onAdded);
  manager.on('stack-item-popped', onPopped);
  manager.on('stack-cleared', onCleared);

  return {
    run(change) {
      let result!: ReturnType<typeof change>;
      doc.transact(() => {
        result = change();
      }, origin);
      return result;
    },
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      manager.off('stack-item-added', onAdded);
      manager.off('stack-item-popped', onPopped);
      manager.off('stack-cleared', onCleared);
      manager.destroy();
      listeners.clear();
    },
  };
}
