/** One deck in the list: title link, slide count, who edited it last and when, and actions (share, export, rename, trash). */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { DeckExportMenu } from './DeckExportMenu.tsx';

export interface DeckListItemProps {
  deck: DeckSummary;
  inTrash: boolean;
  relative(iso: string): string;
  onShare(deck: DeckSummary): void;
  onRename(deck: DeckSummary): void;
  onTrash(deck: DeckSummary): void;
  onRestore(deck: DeckSummary): void;
}

export function DeckListItem({ deck, inTrash, relative, onShare, onRename, onTrash, onRestore }: DeckListItemProps) {
  const { t } = useTranslation();
  const edited = deck.updatedBy
    ? t('decks:lastEditedBy', { name: deck.updatedBy.name, time: relative(deck.updatedAt) })
    : t('decks:lastEdited', { time: relative(deck.updatedAt) });

  return (
    <li className="deck-item">
      <div className="deck-item__body">
        <h2 className="deck-item__title">
          {inTrash ? <span>{deck.title}</span> : <Link to={`/decks/${encodeURIComponent(deck.id)}`}>{deck.title}</Link>}
        </h2>
        <p className="deck-item__meta">
          <span className="deck-item__count">{t('decks:slideCount', { count: deck.slideCount })}</span>
          <span className="deck-item__sep" aria-hidden="true">
            ·
          </span>
          <span>{inTrash && deck.trashedAt ? t('decks:trashedAt', { time: relative(deck.trashedAt) }) : edited}</span>
        </p>
      </div>
      <div className="deck-item__actions">
        {inTrash ? (
          <button type="button" className="button" aria-label={t('decks:restoreDeck', { title: deck.title })} onClick={() => onRestore(deck)}>
            {t('decks:restore')}
          </button>
        ) : (
          <>
            <button type="button" className="button" aria-haspopup="dialog" aria-label={t('share:openFor', { title: deck.title })} onClick={() => onShare(deck)}>
              {t('share:open')}
            </button>
            <DeckExportMenu deckId={deck.id} deckTitle={deck.title} />
            <button type="button" className="button" aria-label={t('decks:renameDeck', { title: deck.title })} onClick={() => onRename(deck)}>
              {t('decks:rename')}
            </button>
            <button type="button" className="button button--danger" aria-label={t('decks:moveDeckToTrash', { title: deck.title })} onClick={() => onTrash(deck)}>
              {t('decks:moveToTrash')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
