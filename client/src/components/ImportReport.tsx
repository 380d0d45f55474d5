/**
 * The import dialog's second step, under its heading and summary line: what the import
 * converts or leaves out (from the server's dry run), slide by slide, and — when the file shows images from
 * other websites — the choice of fetching a copy or keeping a placeholder.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IMPORT_NOTICE_CODES, REMOTE_IMAGE_CHOICES, type ImportEncoding } from '../../../shared/importReport.ts';
import { MAX_IMPORT_NESTING, MAX_TITLE_LENGTH } from '../../../shared/limits.ts';
import { MAX_REMOTE_IMAGES, type ImportNotice, type ImportReport as Report, type RemoteImageChoice } from '../api/deckFiles.ts';
import { importDeck as englishStrings } from '../i18n/en/importDeck.ts';

/** i18n keys cannot hold a hyphen that the key check reads (`encodings.utf-8`): the encodings' keys. */
const ENCODING_KEYS = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8Bom', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be' } as const satisfies Record<ImportEncoding, string>;

type TranslatedCode = keyof typeof englishStrings.notices;

/** A code the server may send before this client has a sentence for it (a test checks we keep up). */
function isTranslated(code: string): code is TranslatedCode {
  return Object.hasOwn(englishStrings.notices, code);
}

/**
 * Remote-image notices in a dry run describe the default (placeholder), not what the user is
 * about to choose; the remote images have their own section below, so they are not repeated.
 */
const CHOICE_DEPENDENT = new Set<string>(['remote-image-placeholder', 'remote-image-fetched']);

/** Notices about a slide that is not imported: their number counts the file's slides, not the deck's (shared/importReport.ts). */
const FILE_SLIDE_CODES = new Set<string>(['hidden-slide', 'src-import', 'slides-empty']);

function where(t: TFunction, notice: ImportNotice): string {
  if (notice.slide === undefined) return t('importDeck:report.wholeFile');
  return FILE_SLIDE_CODES.has(notice.code) ? t('importDeck:report.fileSlide', { slide: notice.slide }) : t('importDeck:report.slide', { slide: notice.slide });
}

export function noticeSentence(t: TFunction, code: string): string {
  if (!isTranslated(code)) return t('importDeck:report.unknownNotice', { code });
  return t(`importDeck:notices.${code}`, { maxTitle: MAX_TITLE_LENGTH, maxNesting: MAX_IMPORT_NESTING, layout: t('layouts:title-content') });
}

/** Whole-file notices first, then by slide; the server's order within a slide. */
function bySlide(notices: ImportNotice[]): ImportNotice[] {
  return notices
    .map((notice, index) => ({ notice, index }))
    .sort((a, b) => (a.notice.slide ?? 0) - (b.notice.slide ?? 0) || a.index - b.index)
    .map(({ notice }) => notice);
}

export interface ImportReportViewProps {
  report: Report;
  remoteChoice: RemoteImageChoice;
  onRemoteChoice(choice: RemoteImageChoice): void;
  /** While the import runs, the choice it was started with cannot change. */
  disabled?: boolean;
}

/** The summary line that the dialog's status region announces, e.g. "12 slides, 9 with speaker notes, read as Slidev (UTF-8)." */
export function reportSummary(t: TFunction, report: Report): string {
  return t('importDeck:report.summary', {
    slides: t('importDeck:report.slides', { count: report.slides }),
    notes: t('importDeck:report.withNotes', { count: report.slidesWithNotes }),
    dialect: t(`importDeck:dialects.${report.dialect}`),
    encoding: t(`importDeck:encodings.${ENCODING_KEYS[report.encoding]}`),
  });
}

export function ImportReportView({ report, remoteChoice, onRemoteChoice, disabled }: ImportReportViewProps) {
  const { t } = useTranslation();
  const ids = { dropped: useId(), converted: useId(), remoteIntro: useId(), radio: useId() };
  const shown = bySlide(report.notices.filter((notice) => !(CHOICE_DEPENDENT.has(notice.code) && report.remoteImages.length > 0)));
  // A code this client does not know yet is listed as converted: it was kept in some form.
  const dropped = shown.filter((notice) => IMPORT_NOTICE_CODES[notice.code] === 'dropped');
  const converted = shown.filter((notice) => IMPORT_NOTICE_CODES[notice.code] !== 'dropped');

  // The server fetches each address once, the first MAX_REMOTE_IMAGES of them (importPipeline.ts).
  const overLimit = new Set(report.remoteImages.map((image) => image.url)).size - MAX_REMOTE_IMAGES;

  const group = (id: string, kind: 'dropped' | 'converted', notices: ImportNotice[]) =>
    notices.length > 0 && (
      <div className={`deck-import-notices deck-import-notices--${kind}`}>
        <h4 id={id} className="deck-import-notices__heading">
          {kind === 'dropped' ? t('importDeck:report.dropped') : t('importDeck:report.converted')}{' '}
          <span className="deck-import-notices__total">({notices.length})</span>
        </h4>
        <p className="deck-import-notices__hint">{kind === 'dropped' ? t('importDeck:report.droppedHint') : t('importDeck:report.convertedHint')}</p>
        <ul className="deck-import-notices__list" aria-labelledby={id}>
          {notices.map((notice, index) => (
            <li key={`${notice.code}-${notice.slide ?? 0}-${index}`} className="deck-import-notice">
              <span className="deck-import-notice__where">
                {where(t, notice)}
                <span className="visually-hidden">: </span>
              </span>
              <span className="deck-import-notice__text">
                {noticeSentence(t, notice.code)}
                {notice.detail && (
                  <>
                    {' '}
                    <code className="deck-import-notice__detail">{notice.detail}</code>
                  </>
                )}
                {notice.count > 1 && (
                  <>
                    {' '}
                    <span className="deck-import-notice__count">({t('importDeck:report.times', { count: notice.count })})</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <>
      {report.title && <p className="deck-import-report__title">{t('importDeck:report.deckTitle', { title: report.title })}</p>}
      {shown.length === 0 && <p className="deck-import-report__clean">{t('importDeck:report.clean')}</p>}
      {group(ids.dropped, 'dropped', dropped)}
      {group(ids.converted, 'converted', converted)}

      {report.remoteImages.length > 0 && (
        <fieldset className="template-choice deck-import-remote" aria-describedby={ids.remoteIntro} disabled={disabled}>
          <legend>{t('importDeck:remote.legend')}</legend>
          <p id={ids.remoteIntro} className="deck-import-remote__intro">
            {t('importDeck:remote.intro', { count: report.remoteImages.length })}
          </p>
          <ul className="deck-import-remote__list" aria-label={t('importDeck:remote.listLabel')}>
            {report.remoteImages.map((image, index) => (
              <li key={`${image.slide}-${index}`} className="deck-import-remote__item">
                <span className="deck-import-notice__where">
                  {t('importDeck:remote.slide', { slide: image.slide })}
                  <span className="visually-hidden">: </span>
                </span>
                <span className="deck-import-remote__url">{image.url}</span>
                {image.alt && <span className="deck-import-remote__alt">{t('importDeck:remote.alt', { alt: image.alt })}</span>}
              </li>
            ))}
          </ul>
          <div className="template-choice__options">
            {REMOTE_IMAGE_CHOICES.map((choice) => {
              const hintId = `${ids.radio}-${choice}`;
              return (
                <label key={choice} className="template-option">
                  <input type="radio" name={ids.radio} value={choice} checked={remoteChoice === choice} aria-describedby={hintId} onChange={() => onRemoteChoice(choice)} />
                  <span className="template-option__title">{choice === 'fetch' ? t('importDeck:remote.fetch') : t('importDeck:remote.placeholder')}</span>
                  <span id={hintId} className="template-option__description">
                    {choice === 'fetch' ? t('importDeck:remote.fetchHint', { max: MAX_REMOTE_IMAGES }) : t('importDeck:remote.placeholderHint')}
                    {choice === 'fetch' && overLimit > 0 && ` ${t('importDeck:remote.overLimit', { max: MAX_REMOTE_IMAGES, count: overLimit })}`}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
    </>
  );
}
