/**
 * Uploads an image (POST /api/decks/:id/images, the raw file as body) and inserts it with
 * its description. Type and size are checked before sending; when the server still refuses
 * (413 too large, 415 not the image it claims to be), its own message is shown.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_TYPES } from '../../../shared/images.ts';
import { checkImageFile, uploadFailure, uploadImage, type UploadedImage } from '../api/images.ts';
import { ModalDialog } from './ModalDialog.tsx';

export interface ImageDialogProps {
  deckId: string;
  onInserted(image: UploadedImage, alt: string): void;
  onClose(): void;
}

export function ImageDialog({ deckId, onInserted, onClose }: ImageDialogProps) {
  const { t } = useTranslation();
  const ids = { file: useId(), fileHint: useId(), alt: useId(), altHint: useId(), error: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!file) return setError(t('editor:image.noFile'));
    const problem = checkImageFile(file);
    if (problem) return setError(t(`editor:image.${problem}`));
    setBusy(true);
    setError(null);
    try {
      const image = await uploadImage(deckId, file);
      onInserted(image, alt.trim());
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
      <div className="field">
        <label htmlFor={ids.alt}>{t('editor:image.alt')}</label>
        <input id={ids.alt} type="text" autoComplete="off" value={alt} aria-describedby={ids.altHint} onChange={(event) => setAlt(event.target.value)} />
        <p id={ids.altHint} className="field__hint">
          {t('editor:image.altHint')}
        </p>
      </div>
      {error && (
        <p id={ids.error} className="field__error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
