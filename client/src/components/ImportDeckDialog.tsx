/**
 * "Import" in two steps: choose a Markdown file (Tussenstand, reveal.js/HedgeDoc, Slidev or
 * Marp) and the server checks it at once (a dry run: nothing stored); the dialog then shows
 * what the import will make and what it converts or leaves out, and asks what to do with
 * images from other websites. "Import" makes the deck and opens it.
 *
 * Why a file is refused (too large, too many slides, too slow to convert, not a deck, not
 * UTF-8, wrong type) is
 * said beside the file field, in words, and announced; the report's summary is announced by
 * a status region that is always in the page (a live region added with its text is often
 * not read).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  importDeck,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_SLIDES,
  previewImport,
  type ImportedDeck,
  type ImportReport,
  type RemoteImageChoice,
} from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError, type ApiRequestError } from '../api/http.ts';
import { FormDialog } from './FormDialog.tsx';
import { ImportReportView, reportSummary } from './ImportReport.tsx';
import '../styles/deckFiles.css';

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd|txt)$/i;

/** The server's reasons (parseDeck's NotADeckError) in the user's language; others as sent. */
function notADeckReason(t: TFunction, message: string): string {
  const reason = message.replace(/^cannot import:\s*/i, '');
  if (/empty/i.test(reason)) return t('importDeck:reasons.empty');
  if (/utf-?8|utf-?16|encoding|decod/i.test(reason)) return t('importDeck:reasons.notUtf8');
  if (/not a text file|binary/i.test(reason)) return t('importDeck:reasons.binary');
  if (/no slide content/i.test(reason)) return t('importDeck:reasons.noContent');
  return reason;
}

/** A 413 is the file's size, its slide count or the time converting it took; the body says which. */
function tooLargeMessage(t: TFunction, err: ApiRequestError): string {
  if (/slides/i.test(err.error) || /\bslides?\b/i.test(err.message)) return t('importDeck:tooManySlides', { max: MAX_IMPORT_SLIDES });
  if (/took longer|timed? ?out|too long/i.test(err.message)) return t('importDeck:tooSlow');
  return t('importDeck:tooLarge');
}

/** Refusals that are about the file itself: said beside the file field, and the file must change. */
function isAboutTheFile(err: unknown): boolean {
  return isApiRequestError(err) && (err.status === 413 || err.status === 415 || (err.status === 400 && err.error === 'not-a-deck'));
}

export function importErrorMessage(t: TFunction, err: unknown): string {
  if (isApiRequestError(err)) {
    if (err.status === 413) return tooLargeMessage(t, err);
    if (err.status === 415) return t('importDeck:wrongType');
    if (err.status === 400 && err.error === 'not-a-deck') return t('importDeck:notADeck', { message: notADeckReason(t, err.message) });
    if (err.status === 400 && err.message) return t('importDeck:notADeck', { message: err.message });
  }
  return errorMessage(t, err);
}

export interface ImportDeckDialogProps {
  onImported(deck: ImportedDeck): void;
  onClose(): void;
}

type Phase = 'idle' | 'checking' | 'importing';

export function ImportDeckDialog({ onImported, onClose }: ImportDeckDialogProps) {
  const { t } = useTranslation();
  const ids = { input: useId(), hint: useId(), error: useId(), report: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const check = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [remoteChoice, setRemoteChoice] = useState<RemoteImageChoice>('placeholder');

  const focusField = useRef(false);
  useEffect(() => {
    if (!focusField.current) return;
    focusField.current = false;
    inputRef.current?.focus();
  });

  // A check still under way when the dialog closes is abandoned.
  useEffect(() => () => check.current?.abort(), []);

  // The report is the second step: the focus follows it, unless the user has gone elsewhere meanwhile.
  useEffect(() => {
    if (!report) return;
    const active = document.activeElement;
    if (active === inputRef.current || active === document.body || active === null) headingRef.current?.focus();
  }, [report]);

  function localProblem(candidate: File | null): string | null {
    if (!candidate) return t('importDeck:noFile');
    if (candidate.size > MAX_IMPORT_BYTES) return t('importDeck:tooLarge');
    if (!MARKDOWN_NAME.test(candidate.name) && candidate.type !== '' && !candidate.type.startsWith('text/')) return t('importDeck:wrongType');
    return null;
  }

  function refuse(message: string) {
    setFieldError(message);
    setPhase('idle');
    // After the render: during an import the field is disabled and cannot take the focus yet.
    focusField.current = true;
  }

  /** Step 1: the dry run. A newer file abandons the check of an older one. */
  async function runCheck(candidate: File | null) {
    check.current?.abort();
    setReport(null);
    setFormError(null);
    const problem = localProblem(candidate);
    setFieldError(problem);
    if (problem || !candidate) {
      setPhase('idle');
      return;
    }
    const controller = new AbortController();
    check.current = controller;
    setPhase('checking');
    try {
      const result = await previewImport(candidate, { signal: controller.signal });
      if (controller.signal.aborted) return;
      setReport(result);
      setPhase('idle');
    } catch (err) {
      if (controller.signal.aborted) return;
      refuse(importErrorMessage(t, err));
    }
  }

  /** Step 2: the import itself, with the choice made for remote images. */
  async function runImport(chosen: File, checked: ImportReport) {
    setPhase('importing');
    setFormError(null);
    try {
      onImported(await importDeck(chosen, checked.remoteImages.length > 0 ? { remoteImages: remoteChoice } : {}));
    } catch (err) {
      if (isAboutTheFile(err)) {
        // The file was accepted by the check but not now (e.g. a limit changed): back to step 1.
        setReport(null);
        refuse(importErrorMessage(t, err));
      } else {
        // A network or server failure: the report stays, "Import" can be pressed again.
        setFormError(importErrorMessage(t, err));
        setPhase('idle');
      }
    }
  }

  function submit() {
    if (phase !== 'idle') return;
    if (file && report) void runImport(file, report);
    else {
      // "Check": no file yet, or the last check failed (e.g. the network) and is tried again.
      void runCheck(file);
      if (!file) inputRef.current?.focus();
    }
  }

  const describedBy = [ids.hint, fieldError ? ids.error : null].filter(Boolean).join(' ');
  const status = phase === 'checking' && file ? t('importDeck:checking', { name: file.name }) : report ? reportSummary(t, report) : '';

  return (
    <FormDialog
      title={t('importDeck:title')}
      description={t('importDeck:intro')}
      submitLabel={report ? t('importDeck:submit') : phase === 'checking' ? t('importDeck:checkBusy') : t('importDeck:check')}
      busyLabel={t('importDeck:busy')}
      cancelLabel={t('importDeck:cancel')}
      busy={phase === 'importing'}
      error={formError}
      onSubmit={submit}
      onClose={onClose}
      wide
    >
      <div className={`field file-dialog${fieldError ? ' field--invalid' : ''}`}>
        <label htmlFor={ids.input}>{t('importDeck:file')}</label>
        <input
          ref={inputRef}
          id={ids.input}
          type="file"
          name="file"
          accept=".md,.markdown,text/markdown"
          aria-describedby={describedBy}
          aria-invalid={fieldError ? true : undefined}
          disabled={phase === 'importing'}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen) void runCheck(chosen);
            else {
              // The choice was cleared: back to the start, without a complaint.
              check.current?.abort();
              setReport(null);
              setFieldError(null);
              setPhase('idle');
            }
          }}
        />
        <p id={ids.hint} className="field__hint">
          {t('importDeck:fileHint')}
        </p>
        {fieldError && (
          <p id={ids.error} className="field__error" role="alert">
            {fieldError}
          </p>
        )}
      </div>
      <section className={`deck-import-report${report || status ? '' : ' deck-import-report--empty'}`} aria-labelledby={report ? ids.report : undefined}>
        {report && (
          <h3 id={ids.report} ref={headingRef} tabIndex={-1} className="deck-import-report__heading">
            {t('importDeck:report.heading')}
          </h3>
        )}
        {/* Always in the page, so that what it says is announced: "Checking…", then the summary. */}
        <p role="status" className="deck-import-report__summary">
          {status}
        </p>
        {report && <ImportReportView report={report} remoteChoice={remoteChoice} onRemoteChoice={setRemoteChoice} disabled={phase === 'importing'} />}
      </section>
    </FormDialog>
  );
}
