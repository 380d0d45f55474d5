/**
 * The deck title, editable in place. Saved with PATCH /api/decks/:id on Enter or when the
 * field loses focus; the server writes the new title into the document, so every open
 * editor shows it. While the user is typing, a rename from elsewhere does not overwrite them.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared/limits.ts';
import { renameDeck } from '../api/decks.ts';
import { errorMessage } from '../api/errorMessage.ts';

export interface DeckTitleFieldProps {
  deckId: string;
  title: string;
  editable: boolean;
}

export function DeckTitleField({ deckId, title, editable }: DeckTitleFieldProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [draft, setDraft] = useState(title);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A saved title waits here until the document brings it back, so the field does not flick
  // back to the old one in between.
  const [pending, setPending] = useState<string | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (pending !== null && title === pending) setPending(null);
    if (!editing && !saving && (pending === null || title === pending)) setDraft(title);
  }, [title, editing, saving, pending]);

  async function save() {
    setEditing(false);
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(title);
      return;
    }
    const value = draft.trim();
    if (!value || value === title) {
      setDraft(title);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await renameDeck(deckId, value);
      setPending(value);
    } catch (err) {
      setError(t('editor:titleSaveFailed', { message: errorMessage(t, err) }));
      setDraft(title);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="title-field">
      {/* The page heading for screen readers and in-page navigation; sighted users see the field. */}
      <h1 className="visually-hidden">{title}</h1>
      <input
        className="title-field__input"
        aria-label={t('editor:titleLabel')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={draft}
        maxLength={MAX_TITLE_LENGTH}
        readOnly={!editable}
        spellCheck
        onFocus={() => setEditing(true)}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.currentTarget.blur();
          } else if (event.key === 'Escape') {
            cancelled.current = true;
            event.currentTarget.blur();
          }
        }}
      />
      {error && (
        <p id={errorId} className="title-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
