/**
 * "Export" in the presenter toolbar: PDF, PDF with notes, or a self-contained HTML file.
 * The server renders the deck in a headless browser; this asks for a job, shows its
 * progress (an accessible progress bar) and starts the download when it is done.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import type { ExportFormat } from '../../../shared/exports.ts';
import { getExport, startExport } from '../api/presentation.ts';
import { PresentIcon } from './icons.tsx';

type Kind = 'pdf' | 'pdfNotes' | 'html';

type JobState =
  | { status: 'idle' }
  | { status: 'running'; kind: Kind; progress: number }
  | { status: 'done'; kind: Kind; download: string }
  | { status: 'failed'; kind: Kind; message: string };

const KINDS: { kind: Kind; format: ExportFormat; notes: boolean }[] = [
  { kind: 'pdf', format: 'pdf', notes: false },
  { kind: 'pdfNotes', format: 'pdf', notes: true },
  { kind: 'html', format: 'html', notes: false },
];

const POLL_MS = 700;

/** Starts a same-origin download without leaving the page. */
function download(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function ExportMenu({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<JobState>({ status: 'idle' });
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      // Only a real press somewhere else closes the menu (not one aimed at the document itself).
      if (rootRef.current && event.target instanceof Element && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const run = async (kind: Kind, format: ExportFormat, notes: boolean) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setJob({ status: 'running', kind, progress: 0 });
    const fail = (err: unknown) => {
      if (controller.signal.aborted) return;
      const message =
        isApiRequestError(err) && err.status === 503 && typeof err.body.message === 'string' && err.body.message
          ? t('present.exportUnavailable', { message: err.body.message })
          : errorMessage(t, err);
      setJob({ status: 'failed', kind, message });
    };
    try {
      const { id } = await startExport(deckId, format, notes);
      for (;;) {
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        if (controller.signal.aborted) return;
        const state = await getExport(id, { signal: controller.signal });
        if (state.state === 'failed') {
          setJob({ status: 'failed', kind, message: state.message ? t('present.exportFailedBecause', { message: state.message }) : t('present.exportFailed') });
          return;
        }
        if (state.state === 'done') {
          const href = state.download ?? `/api/exports/${encodeURIComponent(id)}/file`;
          setJob({ status: 'done', kind, download: href });
          download(href);
          return;
        }
        setJob({ status: 'running', kind, progress: Math.max(0, Math.min(1, Number(state.progress) || 0)) });
      }
    } catch (err) {
      fail(err);
    }
  };

  const running = job.status === 'running';
  const percent = running ? Math.round(job.progress * 100) : 0;

  return (
    <div
      className="export-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button ref={buttonRef} type="button" className="present-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
        <PresentIcon name="download" />
        <span>{running ? t('present.exportRunningShort', { percent }) : t('present.export')}</span>
        <PresentIcon name="chevronDown" size={16} />
      </button>
      <div id={panelId} className="export-menu__panel" hidden={!open}>
        <p className="export-menu__intro">{t('present.exportIntro')}</p>
        <ul className="export-menu__list">
          {KINDS.map(({ kind, format, notes }) => (
            <li key={kind}>
              <button type="button" className="export-menu__item" disabled={running} onClick={() => void run(kind, format, notes)}>
                <PresentIcon name="download" size={18} />
                <span>{t(`present.exportKinds.${kind}`)}</span>
              </button>
            </li>
          ))}
        </ul>
        {job.status !== 'idle' && (
          <div className="export-menu__status">
            {job.status === 'running' && (
              <>
                <p id={`${panelId}-label`}>{t('present.exportRunning', { kind: t(`present.exportKinds.${job.kind}`) })}</p>
                <div className="progress" role="progressbar" aria-labelledby={`${panelId}-label`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`}>
                  <div className="progress__bar" style={{ width: `${percent}%` }} />
                </div>
              </>
            )}
            {job.status === 'done' && (
              <p role="status">
                {t('present.exportDone')}{' '}
                <a href={job.download} download>
                  {t('present.exportDownloadAgain')}
                </a>
              </p>
            )}
            {job.status === 'failed' && (
              <p className="export-menu__error" role="alert">
                {job.message}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
