/** Dutch strings, namespace `connection`: the same keys as ../en/connection.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const connection: Translations['connection'] = {
  label: 'Verbinding:',
  connecting: 'Verbinden…',
  connected: 'Verbonden',
  reconnecting: 'Opnieuw verbinden…',
  offline: 'Offline',
};
