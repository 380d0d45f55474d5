/**
 * The editor's top bar: back to the list, the deck title, present (from the start or from the
 * selected slide), share, history and export, who is here, the deck's language and theme,
 * and the connection.
 */
import { Link } from 'react-router-dom';
import type * as Y from 'yjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECK_LANGUAGES, DECK_THEMES, type DeckLanguage, type DeckTheme } from '../../../shared/deckModel.ts';
import { DeckExportMenu } from '../components/DeckExportMenu.tsx';
import { ConnectionStatus } from '../deck/ConnectionStatus.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import type { ConnectionState } from '../deck/useDeckSync.ts';
import { DeckChromeDialog } from './DeckChromeDialog.tsx';
import { DeckTitleField } from './DeckTitleField.tsx';
import { Icon } from './Icon.tsx';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import type { Peer } from './usePresence.ts';

export interface EditorHeaderProps {
  deckId: string;
  /** The deck's document: the footer dialog writes to it. */
  doc: Y.Doc;
  title: string;
  theme: DeckTheme;
  peers: Peer[];
  connection: ConnectionState;
  savedLocally: boolean;
  editable: boolean;
  /** The slide selected in the sorter: "Present from this slide" opens the presenter there. */
  selectedSlideId: string | null;
  onTheme(theme: DeckTheme): void;
  /**
   * The language the deck is written in: chart words, numbers and dates on its slides, its
   * exports' words and file names follow it, whatever language each viewer's UI is in.
   */
  language: DeckLanguage;
  onLanguage(language: DeckLanguage): void;
}

/** The names people look for in a language list: their own. */
const LANGUAGE_NAMES: Record<DeckLanguage, string> = { nl: 'Nederlands', en: 'English' };

export function EditorHeader({ deckId, doc, title, theme, language, peers, connection, savedLocally, editable, selectedSlideId, onTheme, onLanguage }: EditorHeaderProps) {
  const { t } = useTranslation();
  const themeId = useId();
  const languageId = useId();
  const [sharing, setSharing] = useState(false);
  const [chromeOpen, setChromeOpen] = useState(false);
  const presentPath = `/decks/${encodeURIComponent(deckId)}/present`;
  return (
    <div className="editor-header">
      <Link to="/" className="editor-header__back" aria-label={t('deck:backToList')} title={t('deck:backToList')}>
        <Icon name="back" />
      </Link>
      <DeckTitleField deckId={deckId} title={title} editable={editable} />
      <div className="editor-header__tools">
        <Link to={presentPath} className="button deck-files-link">
          {t('present:open')}
        </Link>
        {selectedSlideId && (
          <Link to={`${presentPath}?slide=${encodeURIComponent(selectedSlideId)}`} className="button deck-files-link" aria-label={t('present:presentFromSlide')} title={t('present:presentFromSlide')}>
            {t('present:fromSlide')}
          </Link>
        )}
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => setSharing(true)}>
          {t('share:open')}
        </button>
        <Link to={`/decks/${encodeURIComponent(deckId)}/history`} className="button deck-files-link">
          {t('history:link')}
        </Link>
        <DeckExportMenu deckId={deckId} deckTitle={title} />
        {editable && (
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setChromeOpen(true)}>
            {t('editor:chrome.open')}
          </button>
        )}
        <PresenceAvatars peers={peers} />
        <div className="editor-header__theme">
          <label htmlFor={languageId}>{t('editor:deckLanguage')}</label>
          <select id={languageId} value={language} disabled={!editable} onChange={(event) => onLanguage(event.target.value as DeckLanguage)}>
            {DECK_LANGUAGES.map((value) => (
              // Each language named in itself, as language pickers do.
              <option key={value} value={value} lang={value}>
                {LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="editor-header__theme">
          <label htmlFor={themeId}>{t('editor:theme')}</label>
          <select id={themeId} value={theme} disabled={!editable} onChange={(event) => onTheme(event.target.value as DeckTheme)}>
            {DECK_THEMES.map((value) => (
              <option key={value} value={value}>
                {t(`editor:themes.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <ConnectionStatus state={connection} savedLocally={savedLocally} />
      </div>
      {sharing && <ShareDialog deckId={deckId} onClose={() => setSharing(false)} />}
      {chromeOpen && <DeckChromeDialog deckId={deckId} doc={doc} onClose={() => setChromeOpen(false)} />}
    </div>
  );
}
