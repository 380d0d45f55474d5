/** Everyone in the deck right now, as initials in their presence colour, with their name for screen readers and on hover. */
import { useTranslation } from 'react-i18next';
import type { Peer } from './usePresence.ts';
import { uniqueUsers } from './usePresence.ts';
import { initials } from './userColor.ts';

const SHOWN = 5;

export function PresenceAvatars({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  const people = uniqueUsers(peers);
  if (people.length === 0) return null;
  const shown = people.slice(0, SHOWN);
  const hidden = people.slice(SHOWN);
  const nameOf = (peer: Peer) => (peer.self ? t('editor:you', { name: peer.name }) : peer.name);
  return (
    <ul className="avatars" aria-label={t('editor:people')}>
      {shown.map((peer) => (
        <li key={peer.userId} className={`avatar${peer.self ? ' avatar--self' : ''}`} style={{ backgroundColor: peer.color }} title={nameOf(peer)}>
          <span aria-hidden="true">{initials(peer.name)}</span>
          <span className="visually-hidden">{nameOf(peer)}</span>
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="avatar avatar--more" title={hidden.map(nameOf).join(', ')}>
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="visually-hidden">{hidden.map(nameOf).join(', ')}</span>
        </li>
      )}
    </ul>
  );
}
