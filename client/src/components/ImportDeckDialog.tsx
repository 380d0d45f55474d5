/**
 * "Import": choose a Markdown file (Tussenstand, reveal.js/HedgeDoc, Slidev or Marp) and
 * upload it as a new deck. Why a file is refused (too large, not a deck, wrong type) is
 * said beside the file field, in words, and announced.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { importDeck, MAX_IMPORT_BYTES, type ImportedDeck } from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { FormDialog } from './FormDialog.tsx';
import '../styles/deckFiles.css';

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd|txt)$/i;

/** The server's reasons (parseDeck's NotADeckError) in the user's language; others as sent. */
function notADeckReason(t: TFunction, message: string): string {
  const reason = message.replace(/^cannot import:\s*/i, '');
  if (/empty/i.test(reason)) return t('importDeck:reasons.empty');
  if (/not a text file/i.test(reason)) return t('importDeck:reasons.binary');
  if (/no slide content/i.test(reason)) return t('importDeck:reasons.noContent');
  return reason;
}

export function importErrorMessage(t: TFunction, err: unknown): string {
  if (isApiRequestError(err)) {
    if (err.status === 413) return t('importDeck:tooLarge');
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

export function ImportDeckDialog({ onImported, onClose }: ImportDeckDialogProps) {
  const { t } = useTranslation();
  const ids = { input: useId(), hint: useId(), error: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(candidate: File | null): string | null {
    if (!candidate) return t('importDeck:noFile');
    if (candidate.size > MAX_IMPORT_BYTES) return t('importDeck:tooLarge');
    if (!MARKDOWN_NAME.test(candidate.name) && candidate.type !== '' && !candidate.type.startsWith('text/')) return t('importDeck:wrongType');
    return null;
  }

  async function submit() {
    if (busy) return;
    const problem = check(file);
    setError(problem);
    if (problem || !file) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onImported(await importDeck(file));
    } catch (err) {
      setError(importErrorMessage(t, err));
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  const describedBy = [ids.hint, error ? ids.error : null].filter(Boolean).join(' ');

  return (
    <FormDialog
      title={t('importDeck:title')}
      description={t('importDeck:intro')}
      submitLabel={t('importDeck:submit')}
      busyLabel={t('importDeck:busy')}
      cancelLabel={t('importDeck:cancel')}
      busy={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className={`field file-dialog${error ? ' field--invalid' : ''}`}>
        <label htmlFor={ids.input}>{t('importDeck:file')}</label>
        <input
          ref={inputRef}
          id={ids.input}
          type="file"
          name="file"
          accept=".md,.markdown,text/markdown"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            // Say at once when a file cannot be sent; otherwise clear an earlier complaint.
            setError(chosen ? check(chosen) : null);
          }}
        />
        <p id={ids.hint} className="field__hint">
          {t('importDeck:fileHint')}
        </p>
        {error && (
          <p id={ids.error} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
