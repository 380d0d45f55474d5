/**
 * A modal dialog (native <dialog>) that asks for a deck title: used to create and to rename.
 * The browser traps focus and closes on Escape; focus returns to the button that opened it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared/limits.ts';
import { errorMessage } from '../api/errorMessage.ts';

export interface DeckTitleDialogProps {
  mode: 'create' | 'rename';
  /** The current title when renaming. */
  initialTitle?: string;
  /** Saves the title; a rejection keeps the dialog open and shows the error. */
  onSubmit(title: string): Promise<void>;
  onClose(): void;
}

export function DeckTitleDialog({ mode, initialTitle = '', onSubmit, onClose }: DeckTitleDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), input: useId(), hint: useId(), error: useId() };
  const [title, setTitle] = useState(initialTitle);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ kind: 'required' } | { kind: 'request'; err: unknown } | null>(null);
  const error = failure ? (failure.kind === 'required' ? t('deckDialog:titleRequired') : errorMessage(t, failure.err)) : null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    inputRef.current?.select();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const value = title.trim();
    if (!value) {
      setFailure({ kind: 'required' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(value);
    } catch (err) {
      setFailure({ kind: 'request', err });
      setBusy(false);
    }
  }

  const describedBy = [ids.hint, error ? ids.error : null].filter(Boolean).join(' ');

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={ids.heading}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={ids.heading} className="dialog__title">
          {mode === 'create' ? t('deckDialog:createTitle') : t('deckDialog:renameTitle')}
        </h2>
        <div className="field">
          <label htmlFor={ids.input}>{t('deckDialog:titleLabel')}</label>
          <input
            ref={inputRef}
            id={ids.input}
            name="title"
            required
            autoComplete="off"
            maxLength={MAX_TITLE_LENGTH}
            value={title}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          <p id={ids.hint} className="field__hint">
            {t('deckDialog:titleHint')}
          </p>
          {error && (
            <p id={ids.error} className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('deckDialog:cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('deckDialog:busy') : mode === 'create' ? t('deckDialog:create') : t('deckDialog:save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
