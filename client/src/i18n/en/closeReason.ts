/** English strings, namespace `closeReason`. */
export const closeReason = {
  NO_CREDENTIALS: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'You do not have access to this deck.',
  NO_SUCH_DECK: 'This deck no longer exists or has been moved to the trash.',
  LINK_REVOKED: 'This link has been revoked.',
  LINK_EXPIRED: 'This link has expired.',
  MALFORMED: 'The server could not read a message from this page. Reload the page.',
  FRAME_TOO_LARGE: 'A change was too large to send. Reload the page.',
  DECK_DAMAGED: 'This deck’s stored data is damaged. Contact an administrator.',
  RATE_LIMITED: 'Too many changes in a short time. Reload the page.',
  unknown: 'The server closed the connection.',
};
