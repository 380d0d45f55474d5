/**
 * "Share with an audience": make a read-only link for a deck (a label, an optional expiry),
 * hand it out (address, copy, QR code), see who follows on which label, and revoke a link
 * (after a confirmation). Opened from the presenter page, the editor and the deck list.
 *
 * With `onStart` (the presenter pressed "Start session" on a deck without a live link) the
 * dialog says so and offers to start anyway, or to start once a link exists.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkInfo } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { createLink, listLinks, revokeLink } from '../api/links.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { ModalDialog } from '../editor/ModalDialog.tsx';
import { useNow } from '../hooks/useNow.ts';
import { LinkList } from './LinkList.tsx';
import { LinkShareBox } from './LinkShareBox.tsx';
import { fromLocalInput, hasLiveLink, linkStatus, toLocalInput } from './linkStatus.ts';
import { useAudienceCounts } from './useAudienceCounts.ts';
import './share.css';
import { MAX_LINK_LABEL_LENGTH } from '../../../shared/limits.ts';

export interface ShareDialogProps {
  deckId: string;
  /** Attendees per label where the page already has them (the presenter's awareness). */
  counts?: Record<string, number>;
  /** Offer to start the session from the dialog (see above). */
  onStart?: () => void;
  onClose(): void;
}

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; links: LinkInfo[] };

export function ShareDialog({ deckId, counts, onStart, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const audience = useAudienceCounts(deckId, counts);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState('');
  const [expiryError, setExpiryError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<LinkInfo | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ids = { create: useId(), list: useId() };
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    listLinks(deckId, { signal: controller.signal }).then(
      (links) => setList({ status: 'ready', links }),
      (err: unknown) => {
        if (!controller.signal.aborted) setList({ status: 'error', message: errorMessage(t, err) });
      },
    );
    return () => controller.abort();
  }, [deckId, reload, t]);

  const replace = useCallback((link: LinkInfo) => {
    setList((current) => (current.status === 'ready' ? { status: 'ready', links: [link, ...current.links.filter((l) => l.token !== link.token)] } : current));
  }, []);

  const links = list.status === 'ready' ? list.links : [];
  const shown = links.find((l) => l.token === selected && linkStatus(l, now) === 'active') ?? null;
  const nameOf = (link: LinkInfo) => link.label || t('share:noLabel');

  async function create() {
    setError(null);
    let expiresAt: string | undefined;
    if (expiry) {
      const time = fromLocalInput(expiry);
      if (!time || time.getTime() <= Date.now()) {
        setExpiryError(t('share:expiryInPast'));
        return;
      }
      expiresAt = time.toISOString();
    }
    setExpiryError(null);
    setBusy(true);
    try {
      const link = await createLink(deckId, { label: label.trim(), ...(expiresAt ? { expiresAt } : {}) });
      replace(link);
      setSelected(link.token);
      setLabel('');
      setExpiry('');
    } catch (err) {
      setError(t('share:createFailed', { message: errorMessage(t, err) }));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(link: LinkInfo) {
    setRevoking(true);
    setRevokeError(null);
    try {
      replace(await revokeLink(deckId, link.token));
      setConfirm(null);
      // The revoke button has gone with the link's active state: keep the focus in the list.
      window.requestAnimationFrame(() => listHeading.current?.focus());
      setAnnouncement(t('share:revoked', { label: nameOf(link) }));
    } catch (err) {
      setRevokeError(t('share:revokeFailed', { message: errorMessage(t, err) }));
    } finally {
      setRevoking(false);
    }
  }

  const live = hasLiveLink(links, now);
  return (
    <>
      <ModalDialog
        title={t('share:title')}
        className="share-dialog-frame"
        busy={busy}
        onSubmit={() => void create()}
        onClose={onClose}
        actions={
          <>
            {onStart && list.status === 'ready' && (
              <button type="button" className={`button${live ? ' button--primary' : ''}`} onClick={onStart}>
                {live ? t('share:startSession') : t('share:startAnyway')}
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              {t('share:close')}
            </button>
          </>
        }
      >
        <div className="share-dialog">
          <p className="dialog__text">{t('share:intro')}</p>
          {onStart && list.status === 'ready' && !live && (
            <div className="message message--info" role="status">
              <p>{t('share:noLiveLink')}</p>
            </div>
          )}

          <section className="share-create" aria-labelledby={ids.create}>
            <h3 id={ids.create} className="share-section__heading">
              {t('share:createHeading')}
            </h3>
            <div className="share-create__fields">
              <FormField label={t('share:label')} hint={t('share:labelHint')}>
                {(control) => <input {...control} type="text" maxLength={MAX_LINK_LABEL_LENGTH} autoComplete="off" value={label} onChange={(event) => setLabel(event.target.value)} />}
              </FormField>
              <FormField label={t('share:expiry')} hint={t('share:expiryHint')} error={expiryError}>
                {(control) => <input {...control} type="datetime-local" min={toLocalInput(new Date(now))} value={expiry} onChange={(event) => setExpiry(event.target.value)} />}
              </FormField>
            </div>
            {error && (
              <p className="message message--error" role="alert">
                {error}
              </p>
            )}
            <div>
              <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
                {busy ? t('share:creating') : t('share:create')}
              </button>
            </div>
          </section>

          {shown && <LinkShareBox key={shown.token} link={shown} label={nameOf(shown)} />}

          <section className="share-section" aria-labelledby={ids.list}>
            <h3 id={ids.list} ref={listHeading} tabIndex={-1} className="share-section__heading">
              {t('share:listHeading')}
            </h3>
            {list.status === 'loading' && <p role="status">{t('share:loading')}</p>}
            {list.status === 'error' && (
              <div className="message message--error" role="alert">
                <p>{t('share:loadFailed', { message: list.message })}</p>
                <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
                  {t('share:retry')}
                </button>
              </div>
            )}
            {list.status === 'ready' && links.length === 0 && <p className="share-empty">{t('share:empty')}</p>}
            {links.length > 0 && (
              <LinkList
                links={links}
                now={now}
                counts={audience}
                selected={shown?.token ?? null}
                onShow={(link) => setSelected((current) => (current === link.token ? null : link.token))}
                onRevoke={(link) => {
                  setRevokeError(null);
                  setConfirm(link);
                }}
              />
            )}
            <p className="visually-hidden" role="status">
              {announcement}
            </p>
          </section>
        </div>
      </ModalDialog>
      {confirm && (
        <FormDialog
          title={t('share:revokeTitle', { label: nameOf(confirm) })}
          description={t('share:revokeText')}
          submitLabel={t('share:revokeConfirm')}
          busyLabel={t('share:revoking')}
          cancelLabel={t('share:cancel')}
          busy={revoking}
          error={revokeError}
          tone="danger"
          onSubmit={() => void revoke(confirm)}
          onClose={() => setConfirm(null)}
        />
      )}
    </>
  );
}
