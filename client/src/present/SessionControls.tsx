/**
 * The presenter bar's audience and session controls: the attendee count (a button that
 * opens the share dialog), "Share", and "Start session" / "End session".
 *
 * Starting a deck that has no live link opens the share dialog first, so the presenter does
 * not talk to an empty room; it lets them start anyway. Ending asks whether the slides shown
 * stay available to the audience.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listLinks } from '../api/links.ts';
import { hasLiveLink } from '../share/linkStatus.ts';
import { ShareDialog } from '../share/ShareDialog.tsx';
import type { AudienceCounts } from './awareness.ts';
import { EndSessionDialog } from './EndSessionDialog.tsx';
import { PresentIcon } from './icons.tsx';
import type { Session } from './useSession.ts';

export interface SessionControlsProps {
  deckId: string;
  active: boolean;
  /** The deck has loaded: a session can be started. */
  ready: boolean;
  audience: AudienceCounts;
  session: Session;
}

type Open = null | { dialog: 'share'; offerStart: boolean } | { dialog: 'end' };

export function SessionControls({ deckId, active, ready, audience, session }: SessionControlsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [checking, setChecking] = useState(false);
  const entries = Object.entries(audience).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const { busy } = session;

  async function requestStart() {
    setChecking(true);
    let live = true;
    try {
      live = hasLiveLink(await listLinks(deckId), Date.now());
    } catch {
      // The links could not be read: do not stand between the presenter and their talk.
    } finally {
      setChecking(false);
    }
    if (live) void session.start();
    else setOpen({ dialog: 'share', offerStart: true });
  }

  const breakdown = entries.map(([label, n]) => `${label || t('present:noLabel')}: ${n}`).join('\n');
  return (
    <>
      <button
        type="button"
        className="present-button present-audience"
        aria-haspopup="dialog"
        title={breakdown ? `${t('present:attendeesHint')}\n${breakdown}` : t('present:attendeesHint')}
        onClick={() => setOpen({ dialog: 'share', offerStart: false })}
      >
        <PresentIcon name="users" />
        <span>{t('present:attendees', { count: total })}</span>
      </button>
      <button type="button" className="present-button" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'share', offerStart: false })}>
        <PresentIcon name="share" />
        <span>{t('present:share')}</span>
      </button>
      {active ? (
        <button type="button" className="present-button present-button--stop" aria-haspopup="dialog" disabled={busy !== null} onClick={() => setOpen({ dialog: 'end' })}>
          <PresentIcon name="stop" />
          <span>{busy === 'stop' ? t('present:ending') : t('present:endSession')}</span>
        </button>
      ) : (
        <button type="button" className="present-button present-button--start" disabled={busy !== null || checking || !ready} onClick={() => void requestStart()}>
          <PresentIcon name="play" />
          <span>{busy === 'start' ? t('present:starting') : t('present:startSession')}</span>
        </button>
      )}

      {open?.dialog === 'share' && (
        <ShareDialog
          deckId={deckId}
          counts={audience}
          onStart={
            open.offerStart && !active
              ? () => {
                  setOpen(null);
                  void session.start();
                }
              : undefined
          }
          onClose={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'end' && (
        <EndSessionDialog
          busy={busy === 'stop'}
          error={session.error}
          onEnd={(keepUntil) => {
            void session.stop(keepUntil).then((ok) => {
              if (ok) setOpen(null);
            });
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
