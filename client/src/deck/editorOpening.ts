/**
 * What the page that opens the editor asks of it, carried in the router's location state (so
 * a reload or a shared address opens the editor as usual). A deck made with "New deck" opens
 * with the cursor in its first slide's title: its title is what one changes first.
 */
export interface EditorOpening {
  cursor: 'title';
}

export const CURSOR_IN_TITLE: EditorOpening = { cursor: 'title' };

export function wantsCursorInTitle(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<EditorOpening>).cursor === 'title';
}
