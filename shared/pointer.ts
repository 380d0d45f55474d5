/**
 * The presenter's laser pointer as it travels in awareness: `{ x, y }`, fractions of the
 * slide area. One check for both ends: the server relays only a valid one to attendees
 * ([AU7]), the attendee page draws only a valid one.
 */
export interface Pointer {
  x: number;
  y: number;
}

export function isPointer(value: unknown): value is Pointer {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}
