import { useTranslation } from 'react-i18next';

/** A polite "Loading…" line for lazy pages and pending requests. */
export function LoadingMessage({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {text ?? t('app:loading')}
    </p>
  );
}
