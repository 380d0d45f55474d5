/**
 * The slide sorter's keyboard commands, as one table, so the shortcuts shown in the help
 * text and the ones handled are the same. Ctrl on Windows/Linux and Cmd on macOS are both
 * accepted as the primary modifier.
 */
export type SorterCommand =
  | 'previous'
  | 'next'
  | 'first'
  | 'last'
  | 'moveUp'
  | 'moveDown'
  | 'delete'
  | 'duplicate'
  | 'undo'
  | 'redo'
  | 'edit';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function sorterCommand(e: KeyLike): SorterCommand | null {
  const primary = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (primary) {
    if (key === 'ArrowUp' || key === 'ArrowLeft') return e.shiftKey ? null : 'moveUp';
    if (key === 'ArrowDown' || key === 'ArrowRight') return e.shiftKey ? null : 'moveDown';
    if (key === 'd' && !e.shiftKey) return 'duplicate';
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !e.shiftKey) return 'redo';
    return null;
  }
  if (e.shiftKey) return null;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowLeft':
      return 'previous';
    case 'ArrowDown':
    case 'ArrowRight':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'Enter':
      return 'edit';
    default:
      return null;
  }
}
