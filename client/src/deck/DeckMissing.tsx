import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** The page shown for a deck id that does not exist (or is not yours): editor and history alike. */
export function DeckMissing() {
  const { t } = useTranslation();
  useDocumentTitle(t('deck:notFound'));
  return (
    <div className="deck-missing">
      <p className="back-link">
        <Link to="/">
          <span aria-hidden="true">← </span>
          {t('deck:backToList')}
        </Link>
      </p>
      <h1>{t('deck:notFound')}</h1>
      <p>{t('deck:notFoundText')}</p>
    </div>
  );
}
