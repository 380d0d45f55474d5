/** Any path without a page. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound:title'));
  return (
    <div className="not-found">
      <h1>{t('notFound:title')}</h1>
      <p>{t('notFound:text')}</p>
      <p>
        <Link to="/">{t('notFound:home')}</Link>
      </p>
    </div>
  );
}
