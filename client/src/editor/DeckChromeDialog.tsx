/**
 * "Voettekst en logo": what every slide of the deck carries, set once (shared/deckChrome.ts).
 * Each change is written to the deck at once, so co-editors, the presenter and attendees see
 * it as it is made; the dialog only closes. The logo is uploaded as the deck's own image.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, MAX_FOOTER_LENGTH, writeChrome, type Classification } from '../../../shared/deckChrome.ts';
import { IMAGE_TYPES } from '../../../shared/images.ts';
import { checkImageFile, uploadFailure, uploadImage } from '../api/images.ts';
import { useUiLanguage } from '../deck/DeckLanguage.tsx';
import { ModalDialog } from './ModalDialog.tsx';
import { useDeckChromeOf } from './useDeckDoc.ts';

export interface DeckChromeDialogProps {
  deckId: string;
  doc: Y.Doc;
  onClose(): void;
}

export function DeckChromeDialog({ deckId, doc, onClose }: DeckChromeDialogProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const chrome = useDeckChromeOf(doc);
  const ids = { text: useId(), textHint: useId(), marking: useId(), logo: useId(), logoHint: useId(), error: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function chooseLogo(file: File | undefined) {
    if (!file) return;
    const problem = checkImageFile(file);
    if (problem) return setError(t(`editor:image.${problem}`));
    setBusy(true);
    setError(null);
    try {
      const image = await uploadImage(deckId, file);
      writeChrome(doc, { logo: image.url });
    } catch (err) {
      setError(uploadFailure(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog
      title={t('editor:chrome.title')}
      busy={busy}
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <button type="submit" className="button button--primary">
          {t('editor:chrome.done')}
        </button>
      }
    >
      <p className="field__hint">{t('editor:chrome.intro')}</p>
      <div className="field">
        <label htmlFor={ids.text}>{t('editor:chrome.text')}</label>
        <input
          id={ids.text}
          type="text"
          autoComplete="off"
          maxLength={MAX_FOOTER_LENGTH}
          value={chrome.footerText}
          aria-describedby={ids.textHint}
          onChange={(event) => writeChrome(doc, { footerText: event.target.value })}
        />
        <p id={ids.textHint} className="field__hint">
          {t('editor:chrome.textHint', { max: MAX_FOOTER_LENGTH })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.marking}>{t('editor:chrome.classification')}</label>
        <select id={ids.marking} value={chrome.classification} onChange={(event) => writeChrome(doc, { classification: event.target.value as Classification })}>
          {CLASSIFICATIONS.map((value) => (
            <option key={value} value={value}>
              {value === 'none' ? t('editor:chrome.noClassification') : CLASSIFICATION_LABELS[value][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--check">
        <label>
          <input type="checkbox" checked={chrome.footerDate} onChange={(event) => writeChrome(doc, { footerDate: event.target.checked })} /> {t('editor:chrome.date')}
        </label>
      </div>
      <div className="field field--check">
        <label>
          <input type="checkbox" checked={chrome.slideNumbers} onChange={(event) => writeChrome(doc, { slideNumbers: event.target.checked })} /> {t('editor:chrome.numbers')}
        </label>
      </div>
      <div className="field">
        <label htmlFor={ids.logo}>{t('editor:chrome.logo')}</label>
        {chrome.logo && <img className="chrome-dialog__logo" src={chrome.logo} alt={t('editor:chrome.currentLogo')} />}
        <input
          id={ids.logo}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          aria-describedby={`${ids.logoHint}${error ? ` ${ids.error}` : ''}`}
          aria-invalid={error ? true : undefined}
          disabled={busy}
          onChange={(event) => void chooseLogo(event.target.files?.[0])}
        />
        <p id={ids.logoHint} className="field__hint">
          {busy ? t('editor:image.uploading') : t('editor:chrome.logoHint')}
        </p>
        {chrome.logo && (
          <button type="button" className="button" onClick={() => writeChrome(doc, { logo: '' })}>
            {t('editor:chrome.removeLogo')}
          </button>
        )}
        {error && (
          <p id={ids.error} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
