/**
 * Uploads an image (POST /api/decks/:id/images, the raw file as body) and inserts it with
 * its description. Type and size are checked before sending; when the server still refuses
 * (413 too large, 415 not the image it claims to be), its own message is shown.
 *
 * The description is asked for: without one the image is only inserted when it is marked
 * decorative ("Decoratieve afbeelding"), which stores an empty description on purpose
 * (`decorative: true`); the media panel edits both later (AltFields, shared with it).
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_TYPES } from '../../../shared/images.ts';
import { checkImageFile, uploadFailure, uploadImage, type UploadedImage } from '../api/images.ts';
import { ModalDialog } from './ModalDialog.tsx';

export interface ImageDialogProps {
  deckId: string;
  onInserted(image: UploadedImage, alt: string, decorative: boolean): void;
  onClose(): void;
}

export interface AltValue {
  alt: string;
  decorative: boolean;
}

/** The description field and the "decorative image" choice; `missing` marks the field invalid with the message under it. */
export function AltFields({ value, onChange, missing }: { value: AltValue; onChange(value: AltValue): void; missing: boolean }): ReactNode {
  const { t } = useTranslation();
  const ids = { alt: useId(), altHint: useId(), missing: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.alt}>{t('editor:image.alt')}</label>
        <input
          id={ids.alt}
          type="text"
          autoComplete="off"
          value={value.alt}
          disabled={value.decorative}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${ids.missing} ${ids.altHint}` : ids.altHint}
          onChange={(event) => onChange({ ...value, alt: event.target.value })}
        />
        <p id={ids.altHint} className="field__hint">
          {t('media:altHint')}
        </p>
        {missing && (
          <p id={ids.missing} className="field__error" role="alert">
            {t('media:altRequired')}
          </p>
        )}
      </div>
      <div className="field field--check">
        <label>
          <input type="checkbox" checked={value.decorative} onChange={(event) => onChange({ alt: event.target.checked ? '' : value.alt, decorative: event.target.checked })} /> {t('media:decorative')}
        </label>
      </div>
    </>
  );
}

/** A description to store, or null while neither a description nor "decorative" is given. */
export function altToStore(value: AltValue): AltValue | null {
  if (value.decorative) return { alt: '', decorative: true };
  const alt = value.alt.trim();
  return alt ? { alt, decorative: false } : null;
}

export function ImageDialog({ deckId, onInserted, onClose }: ImageDialogProps) {
  const { t } = useTranslation();
  const ids = { file: useId(), fileHint: useId(), error: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState<AltValue>({ alt: '', decorative: false });
  const [altAsked, setAltAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!file) return setError(t('editor:image.noFile'));
    const problem = checkImageFile(file);
    if (problem) return setError(t(`editor:image.${problem}`));
    const described = altToStore(alt);
    if (!described) return setAltAsked(true);
    setBusy(true);
    setError(null);
    try {
      const image = await uploadImage(deckId, file);
      onInserted(image, described.alt, described.decorative);
    } catch (err) {
      setBusy(false);
      setError(uploadFailure(t, err));
    }
  }

  return (
    <ModalDialog
      title={t('editor:image.title')}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('editor:image.cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('editor:image.uploading') : t('editor:image.insert')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={ids.file}>{t('editor:image.file')}</label>
        <input
          id={ids.file}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          aria-describedby={ids.fileHint}
          aria-invalid={error && !file ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        <p id={ids.fileHint} className="field__hint">
          {t('editor:image.fileHint')}
        </p>
      </div>
      <AltFields value={alt} onChange={setAlt} missing={altAsked && altToStore(alt) === null} />
      {error && (
        <p id={ids.error} className="field__error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
