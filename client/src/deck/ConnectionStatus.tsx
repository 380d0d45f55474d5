/** The sync connection state as a labelled status line (announced politely on change). */
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './useDeckSync.ts';

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <p className={`connection connection--${state}`} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{t('connection.label')}</span> <span className="connection__state">{t(`connection.${state}`)}</span>
    </p>
  );
}
