/** English strings, namespace `connection`. */
export const connection = {
  label: 'Connection:',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};
