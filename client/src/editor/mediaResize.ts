/**
 * Resizing an image or chart by dragging a corner handle. The handles are pointer-only (hidden
 * from screen readers): the keyboard way is the media panel's "Kleiner"/"Groter" and
 * Alt+Shift+Arrow (MediaPanel.tsx). While dragging, only the frame's style changes; the new
 * width is stored once, on release, as the block's share of its column (shared/mediaSize.ts).
 */
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { mediaWidth, type MediaAlign } from '../../../shared/mediaSize.ts';

export type HandleCorner = 'left' | 'right';

/** The two bottom corner handles, as DOM (the image node view; the chart draws the same with React). */
export function handleElements(): HTMLElement[] {
  return (['left', 'right'] as const).map((corner) => {
    const handle = document.createElement('span');
    handle.className = `media-handle media-handle--${corner}`;
    handle.dataset.mediaHandle = corner;
    handle.setAttribute('aria-hidden', 'true');
    return handle;
  });
}

/** The share (10–100) of the column that `frame` takes now, measured. */
export function drawnShare(frame: HTMLElement, column: HTMLElement): number {
  const columnWidth = column.getBoundingClientRect().width;
  if (columnWidth <= 0) return 100;
  return mediaWidth((frame.getBoundingClientRect().width / columnWidth) * 100) ?? 100;
}

export interface ResizeOptions {
  /** The box that is resized (its style.width changes while dragging). */
  frame: HTMLElement;
  /** The element as wide as the column the block stands in, or that width in pixels. */
  column: HTMLElement | number;
  corner: HandleCorner;
  align: MediaAlign | null;
  /** The share to store, on release (not called when the pointer never moved). */
  onCommit(width: number): void;
}

/** Starts a drag from a handle's pointerdown: follows the pointer until it is released. */
export function startResize(event: PointerEvent, options: ResizeOptions): void {
  if (event.button !== 0) return;
  event.preventDefault();
  event.stopPropagation();
  const { frame, column, corner, align } = options;
  const handle = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
  handle?.setPointerCapture(event.pointerId);
  const startX = event.clientX;
  const startWidth = frame.getBoundingClientRect().width;
  const columnWidth = Math.max(1, typeof column === 'number' ? column : column.getBoundingClientRect().width);
  // A centred block grows on both sides; one on the left grows to the right, and the reverse.
  const factor = (align === 'center' ? 2 : 1) * (corner === 'right' ? 1 : -1);
  let share: number | null = null;
  frame.dataset.resizing = '';
  const move = (e: PointerEvent) => {
    share = mediaWidth(((startWidth + (e.clientX - startX) * factor) / columnWidth) * 100);
    if (share !== null) frame.style.width = `${share}%`;
  };
  const end = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    delete frame.dataset.resizing;
    if (share !== null) options.onCommit(share);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

/** Sets attributes of the node at `pos` and keeps it selected (one undo step, synced like any edit). */
export function setNodeAttrs(editor: Editor, pos: number, attrs: Record<string, unknown>): void {
  const { state, view } = editor;
  const node = state.doc.nodeAt(pos);
  if (!node) return;
  const tr = state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
  tr.setSelection(NodeSelection.create(tr.doc, pos));
  view.dispatch(tr);
}

