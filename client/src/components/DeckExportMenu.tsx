/**
 * "Export" for one deck: Markdown, PowerPoint, PDF, PDF with speaker notes, and HTML.
 *
 * A disclosure (a button with aria-expanded and a panel of buttons), not an ARIA menu: the
 * panel also holds a progress bar and messages. Escape or a click elsewhere closes it, the
 * arrow keys move between the choices. Markdown and PowerPoint are fetched and saved
 * directly; PDF and HTML are rendered by the server in a headless browser, so they go
 * through the job API with an accessible progress bar, and a server without a browser
 * says so (503 'no-browser'). Finished and failed exports are announced politely.
 *
 * "Handout (PDF)" opens a small form inside the panel (slides per page as radio buttons,
 * notes lines as a checkbox, then "Make handout"); the handout runs as the other PDFs do.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOUT_PER_PAGE, type ExportFormat, type HandoutOptions, type HandoutPerPage } from '../../../shared/exportOptions.ts';
import { exportFileName } from '../../../shared/fileNames.ts';
import { directExportUrl, downloadFile, exportJobFileUrl, getExportJob, saveLink, startExportJob } from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { useUiLanguage } from '../deck/DeckLanguage.tsx';
import { exportProblemText } from './exportProblemText.ts';
import { isApiRequestError } from '../api/http.ts';
import '../styles/deckFiles.css';

type Kind = 'md' | 'pptx' | 'pdf' | 'pdfNotes' | 'html' | 'handout';

type Choice = { kind: Kind; direct: 'md' | 'pptx' } | { kind: Kind; job: ExportFormat; notes: boolean; handout?: HandoutOptions };

const CHOICES: Choice[] = [
  { kind: 'md', direct: 'md' },
  { kind: 'pptx', direct: 'pptx' },
  { kind: 'pdf', job: 'pdf', notes: false },
  { kind: 'pdfNotes', job: 'pdf', notes: true },
  { kind: 'html', job: 'html', notes: false },
];

/** The menu item that opens the handout form (its choice is made there). */
const HANDOUT_ITEM = 'handout';

// The handout form's few layout rules (styles/deckFiles.css belongs to the menu's other parts).
const FORM_STYLE: CSSProperties = { display: 'grid', gap: '0.5rem', margin: '0.25rem 0 0.5rem', padding: '0.5rem 0.75rem', borderTop: '1px solid var(--color-border, #c9d2de)' };
const FIELDSET_STYLE: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', margin: 0, padding: 0, border: 0 };
const CHOICE_STYLE: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: '0.35rem' };
const ACTIONS_STYLE: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem' };

type ExportState =
  | { status: 'idle' }
  /** progress is null for a download without steps (Markdown, PowerPoint). */
  | { status: 'running'; kind: Kind; progress: number | null }
  | { status: 'done'; kind: Kind; href: string | null }
  | { status: 'failed'; kind: Kind; message: string };

const POLL_MS = 500;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });

/** The panel's width in CSS pixels (17rem), to see whether it fits on the preferred side. */
const PANEL_WIDTH = 272;

function fittingSide(root: HTMLElement | null, preferred: 'start' | 'end'): 'start' | 'end' {
  if (!root) return preferred;
  const box = root.getBoundingClientRect();
  const fitsEnd = box.right - PANEL_WIDTH >= 8;
  const fitsStart = box.left + PANEL_WIDTH <= window.innerWidth - 8;
  if (preferred === 'end') return fitsEnd || !fitsStart ? 'end' : 'start';
  return fitsStart || !fitsEnd ? 'start' : 'end';
}

export interface DeckExportMenuProps {
  deckId: string;
  /** Part of the button's accessible name ("Export: <title>"), so each deck's button is distinct. */
  deckTitle?: string;
  /** A stored version: every export is of that version as it was (charts at its figures). */
  versionId?: string;
  /** The button's text and name instead of "Export" (the history page has two menus). */
  buttonText?: string;
  /** Extra class for the button, to fit the surrounding toolbar. */
  buttonClassName?: string;
  /** The panel opens to this side of the button. */
  align?: 'start' | 'end';
}

export function DeckExportMenu({ deckId, deckTitle, versionId, buttonText, buttonClassName = 'button', align = 'end' }: DeckExportMenuProps) {
  const { t } = useTranslation();
  const uiLanguage = useUiLanguage();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  // The side the panel opens to: `align`, unless the window has no room for it there.
  const [side, setSide] = useState(align);
  const ids = { panel: useId(), progress: useId(), handout: useId(), perPage: useId() };
  // The handout form: open or not, and what it holds (kept while the panel closes and opens).
  const [handoutOpen, setHandoutOpen] = useState(false);
  const [perPage, setPerPage] = useState<HandoutPerPage>(3);
  const [lines, setLines] = useState(true);
  const handoutFirstRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const kindName = (kind: Kind) => t(`exportMenu:kinds.${kind}`);

  function failure(err: unknown): string {
    if (isApiRequestError(err) && err.error === 'no-browser') return t('exportMenu:noBrowser', { message: err.message });
    if (isApiRequestError(err) && err.status === 503 && err.message) return t('exportMenu:failedBecause', { message: err.message });
    return errorMessage(t, err);
  }

  async function run(choice: Choice) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const { signal } = controller;
    const { kind } = choice;
    setState({ status: 'running', kind, progress: 'direct' in choice ? null : 0 });
    try {
      if ('direct' in choice) {
        await downloadFile(directExportUrl(deckId, choice.direct, versionId), exportFileName(deckTitle ?? '', choice.direct), { signal });
        if (!signal.aborted) setState({ status: 'done', kind, href: null });
        return;
      }
      const { id } = await startExportJob(deckId, choice.job, choice.notes, choice.handout, versionId);
      for (;;) {
        await sleep(POLL_MS, signal);
        if (signal.aborted) return;
        const job = await getExportJob(id, { signal });
        if (signal.aborted) return;
        if (job.state === 'failed') {
          const message = job.problem
            ? exportProblemText(job.problem, t, uiLanguage)
            : job.message
              ? t('exportMenu:failedBecause', { message: job.message })
              : t('exportMenu:failed');
          setState({ status: 'failed', kind, message });
          return;
        }
        if (job.state === 'done') {
          const href = job.download ?? exportJobFileUrl(id);
          setState({ status: 'done', kind, href });
          saveLink(href);
          return;
        }
        setState({ status: 'running', kind, progress: Math.max(0, Math.min(1, Number(job.progress) || 0)) });
      }
    } catch (err) {
      if (signal.aborted || (err instanceof DOMException && err.name === 'AbortError')) return;
      setState({ status: 'failed', kind, message: failure(err) });
    }
  }

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    // Inside the handout form the arrow keys are the radio group's own.
    if (event.target instanceof HTMLInputElement) return;
    const items = Array.from(panelRef.current?.querySelectorAll<HTMLButtonElement>('button[data-export-item]') ?? []);
    if (items.length === 0) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? items.length - 1
          : event.key === 'ArrowDown'
            ? (at + 1) % items.length
            : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  }

  const running = state.status === 'running';
  const percent = running && state.progress !== null ? Math.round(state.progress * 100) : null;
  const announcement =
    state.status === 'done' ? t('exportMenu:done', { kind: kindName(state.kind) }) : state.status === 'failed' ? state.message : '';

  return (
    <div className={`deck-export-menu deck-export-menu--${side}`} ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={buttonText ?? (deckTitle ? t('exportMenu:buttonFor', { title: deckTitle }) : undefined)}
        aria-expanded={open}
        aria-controls={ids.panel}
        onClick={() => {
          if (!open) setSide(fittingSide(rootRef.current, align));
          setOpen(!open);
        }}
      >
        <span>{buttonText ?? t('exportMenu:button')}</span>
        {percent !== null && (
          <span className="deck-export-menu__badge" aria-hidden="true">
            {percent}%
          </span>
        )}
        <svg className="deck-export-menu__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M3.5 6l4.5 4.5L12.5 6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div id={ids.panel} ref={panelRef} className="deck-export-menu__panel" hidden={!open}>
        <p className="deck-export-menu__intro">{t(versionId ? 'exportMenu:introVersion' : 'exportMenu:intro')}</p>
        <ul className="deck-export-menu__list">
          {CHOICES.map((choice) => (
            <li key={choice.kind}>
              {/* aria-disabled, not disabled: the chosen button keeps the keyboard focus while its export runs. */}
              <button
                type="button"
                className="deck-export-menu__item"
                data-export-item=""
                aria-disabled={running || undefined}
                onClick={() => {
                  if (!running) void run(choice);
                }}
              >
                {kindName(choice.kind)}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="deck-export-menu__item"
              data-export-item=""
              aria-expanded={handoutOpen}
              aria-controls={ids.handout}
              onClick={() => {
                const next = !handoutOpen;
                setHandoutOpen(next);
                // Straight to the first choice of the form, so the keyboard carries on there.
                if (next) window.requestAnimationFrame(() => handoutFirstRef.current?.focus());
              }}
            >
              {kindName(HANDOUT_ITEM)}
            </button>
          </li>
        </ul>
        {handoutOpen && (
          <form
            id={ids.handout}
            className="deck-export-menu__handout"
            style={FORM_STYLE}
            aria-label={t('exportMenu:handout.legend')}
            onSubmit={(event) => {
              event.preventDefault();
              if (running) return;
              setHandoutOpen(false);
              void run({ kind: 'handout', job: 'pdf', notes: false, handout: { perPage, lines } });
            }}
          >
            <fieldset className="deck-export-menu__fieldset" style={FIELDSET_STYLE}>
              <legend>{t('exportMenu:handout.perPage')}</legend>
              {HANDOUT_PER_PAGE.map((n) => (
                <label key={n} className="deck-export-menu__radio" style={CHOICE_STYLE}>
                  <input
                    ref={n === perPage ? handoutFirstRef : undefined}
                    type="radio"
                    name={ids.perPage}
                    value={n}
                    checked={perPage === n}
                    onChange={() => setPerPage(n)}
                  />
                  {t('exportMenu:handout.perPageOption', { count: n })}
                </label>
              ))}
            </fieldset>
            <label className="deck-export-menu__check" style={CHOICE_STYLE}>
              <input type="checkbox" checked={lines} onChange={(event) => setLines(event.target.checked)} />
              {t('exportMenu:handout.lines')}
            </label>
            <div className="deck-export-menu__actions" style={ACTIONS_STYLE}>
              <button type="submit" className="button button--primary" aria-disabled={running || undefined}>
                {t('exportMenu:handout.start')}
              </button>
              <button type="button" className="button" onClick={() => setHandoutOpen(false)}>
                {t('exportMenu:handout.cancel')}
              </button>
            </div>
          </form>
        )}
        {state.status !== 'idle' && (
          <div className="deck-export-menu__status">
            {state.status === 'running' && (
              <>
                <p id={ids.progress}>{t('exportMenu:preparing', { kind: kindName(state.kind) })}</p>
                {percent !== null && (
                  <div
                    className="file-progress"
                    role="progressbar"
                    aria-label={t('exportMenu:progress', { kind: kindName(state.kind) })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                    aria-valuetext={`${percent}%`}
                  >
                    <div className="file-progress__bar" style={{ width: `${percent}%` }} />
                  </div>
                )}
              </>
            )}
            {state.status === 'done' && (
              <p>
                {t('exportMenu:done', { kind: kindName(state.kind) })}
                {state.href && (
                  <>
                    {' '}
                    <a href={state.href} download>
                      {t('exportMenu:downloadAgain')}
                    </a>
                  </>
                )}
              </p>
            )}
            {state.status === 'failed' && <p className="deck-export-menu__error">{state.message}</p>}
          </div>
        )}
      </div>
      {/* Outside the panel, so the outcome is announced even when the panel was closed. It
          appears with the first export (empty), so a list of decks is not full of live regions. */}
      {state.status !== 'idle' && (
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      )}
    </div>
  );
}
