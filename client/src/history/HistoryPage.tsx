/**
 * `/decks/:id/history`: a deck's versions, newest first (by hand, as presented, automatic,
 * before a restore), with who made each and when. Choosing one shows all its slides
 * read-only with the figures of that moment; it can be downloaded as Markdown or restored
 * (after a confirmation; the server saves the current state as a version first, and open
 * editors follow at once). "Save version" saves the deck as it is now; "Export" exports it.
 * Loaded lazily: it carries yjs and the slide styles.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { getDeck } from '../api/decks.ts';
import { createVersion, listVersions, restoreVersion, type VersionInfo } from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { DeckExportMenu } from '../components/DeckExportMenu.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { DeckMissing } from '../deck/DeckMissing.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { currentLanguage } from '../i18n/index.ts';
import { VersionPreview } from './VersionPreview.tsx';
import { formatVersionTime, versionByline, versionKind, versionTitle } from './versionText.ts';
import '../styles/deck.css';
import '../styles/data.css';
import '../editor/slideStyles.ts';
import '../styles/history.css';
import { MAX_VERSION_LABEL_LENGTH } from '../../../shared/limits.ts';

/** The server's limit for a version label. */

type DeckState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; deck: DeckSummary };
type VersionsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; versions: VersionInfo[] };
type DialogState = null | { mode: 'save' } | { mode: 'restore'; version: VersionInfo };

let noticeCounter = 0;

export default function HistoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [deck, setDeck] = useState<DeckState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setDeck({ status: 'loading' });
    getDeck(id, { signal: controller.signal }).then(
      (summary) => setDeck(summary.trashedAt ? { status: 'missing' } : { status: 'ready', deck: summary }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setDeck({ status: 'missing' });
        else setDeck({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [id]);

  if (deck.status === 'loading') return <LoadingMessage />;
  if (deck.status === 'missing') return <DeckMissing />;
  if (deck.status === 'error') {
    return (
      <div className="message message--error" role="alert">
        <p>{errorMessage(t, deck.error)}</p>
      </div>
    );
  }
  return <History key={id} deck={deck.deck} />;
}

function History({ deck }: { deck: DeckSummary }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('history:pageTitle', { title: deck.title }));
  const [versions, setVersions] = useState<VersionsState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const listHeadingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const editorPath = `/decks/${encodeURIComponent(deck.id)}`;

  useEffect(() => {
    const controller = new AbortController();
    listVersions(deck.id, { signal: controller.signal }).then(
      (list) => {
        setVersions({ status: 'ready', versions: list });
        // Keep the choice if it is still there; else show the newest version.
        setSelectedId((current) => (current && list.some((v) => v.id === current) ? current : (list[0]?.id ?? null)));
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setVersions({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [deck.id, reloadKey]);

  const show = useCallback((text: string, tone: NoticeData['tone'] = 'info') => setNotice({ id: ++noticeCounter, text, tone }), []);

  const list = versions.status === 'ready' ? versions.versions : [];
  const selected = list.find((v) => v.id === selectedId) ?? null;

  async function onSave(label: string) {
    const version = await createVersion(deck.id, label);
    setDialog(null);
    setVersions((current) => (current.status === 'ready' ? { status: 'ready', versions: [version, ...current.versions.filter((v) => v.id !== version.id)] } : current));
    setSelectedId(version.id);
    show(t('history:saved', { label: version.label }));
  }

  async function onRestore(version: VersionInfo) {
    await restoreVersion(deck.id, version.id);
    setDialog(null);
    show(t('history:restored', { label: versionTitle(t, version, language) }));
    // The backup made before the restore is a new version: reload the list.
    setReloadKey((k) => k + 1);
  }

  /** Arrow keys, Home and End move between the versions (each is also a Tab stop). */
  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.version-item') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : event.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : Math.max(0, at - 1);
    buttons[next]?.focus();
  }

  return (
    <div className="history-page">
      <p className="back-link">
        <Link to={editorPath}>
          <span aria-hidden="true">← </span>
          {t('history:backToEditor')}
        </Link>
      </p>
      <div className="page-head history-page__head">
        <div>
          <h1>{t('history:heading')}</h1>
          <p className="history-page__deck">{deck.title}</p>
        </div>
        <div className="page-head__actions">
          <DeckExportMenu deckId={deck.id} deckTitle={deck.title} />
          <button type="button" className="button button--primary" onClick={() => setDialog({ mode: 'save' })}>
            {t('history:saveVersion')}
          </button>
        </div>
      </div>
      <p className="page-hint">{t('history:intro')}</p>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {versions.status === 'loading' && <LoadingMessage text={t('history:loading')} />}
      {versions.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('history:loadFailed')} {errorMessage(t, versions.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('history:retry')}
          </button>
        </div>
      )}
      {versions.status === 'ready' && list.length === 0 && <p className="empty">{t('history:empty')}</p>}
      {versions.status === 'ready' && list.length > 0 && (
        <div className="history-layout">
          <section className="history-versions" aria-labelledby={listHeadingId}>
            <h2 id={listHeadingId} className="history-versions__heading">
              {t('history:versions')}
            </h2>
            <ul ref={listRef} className="version-list" aria-labelledby={listHeadingId} onKeyDown={onListKeyDown}>
              {list.map((version) => (
                <li key={version.id}>
                  <button
                    type="button"
                    className="version-item"
                    aria-current={version.id === selectedId ? 'true' : undefined}
                    onClick={() => setSelectedId(version.id)}
                  >
                    <span className="version-item__title">{versionTitle(t, version, language)}</span>
                    <span className="version-item__meta">
                      <span className={`version-kind version-kind--${version.kind}`}>{versionKind(t, version)}</span>
                      <span>{versionByline(t, version, language)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <div className="history-preview">
            {selected ? (
              <VersionPreview key={selected.id} deckId={deck.id} version={selected} canRestore={dialog === null} onRestore={(version) => setDialog({ mode: 'restore', version })} />
            ) : (
              <p className="empty">{t('history:choose')}</p>
            )}
          </div>
        </div>
      )}

      {dialog?.mode === 'save' && <SaveVersionDialog onSubmit={onSave} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'restore' && (
        <RestoreDialog
          title={versionTitle(t, dialog.version, language)}
          time={formatVersionTime(dialog.version.createdAt, language)}
          onSubmit={() => onRestore(dialog.version)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function SaveVersionDialog({ onSubmit, onClose }: { onSubmit(label: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [required, setRequired] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  async function submit() {
    const value = label.trim();
    if (!value) {
      setRequired(true);
      inputRef.current?.focus();
      return;
    }
    setRequired(false);
    setFailure(null);
    setBusy(true);
    try {
      await onSubmit(value);
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('history:saveTitle')}
      description={t('history:saveText')}
      submitLabel={t('history:save')}
      busyLabel={t('history:saving')}
      cancelLabel={t('history:cancel')}
      busy={busy}
      error={failure ? errorMessage(t, failure) : null}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <FormField label={t('history:label')} hint={t('history:labelHint')} error={required ? t('history:labelRequired') : null}>
        {(control) => (
          <input {...control} ref={inputRef} name="label" autoComplete="off" maxLength={MAX_VERSION_LABEL_LENGTH} value={label} onChange={(event) => setLabel(event.target.value)} />
        )}
      </FormField>
    </FormDialog>
  );
}

function RestoreDialog({ title, time, onSubmit, onClose }: { title: string; time: string; onSubmit(): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit();
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      tone="danger"
      title={t('history:restoreTitle')}
      description={t('history:restoreText', { label: title, time })}
      submitLabel={t('history:restoreConfirm')}
      busyLabel={t('history:restoring')}
      cancelLabel={t('history:cancel')}
      busy={busy}
      error={failure ? errorMessage(t, failure) : null}
      onSubmit={() => void submit()}
      onClose={onClose}
    />
  );
}
