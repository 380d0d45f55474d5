/** The sync connection state as a labelled status line (announced politely on change). */
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './useDeckSync.ts';

export interface ConnectionStatusProps {
  state: ConnectionState;
  /** Not connected, but edits are kept on this device (editors with a local copy). */
  savedLocally?: boolean;
}

export function ConnectionStatus({ state, savedLocally = false }: ConnectionStatusProps) {
  const { t } = useTranslation();
  const local = savedLocally && state !== 'connected' && state !== 'connecting';
  return (
    <p className={`connection connection--${state}`} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{t('connection:label')}</span> <span className="connection__state">{t(`connection:${state}`)}</span>
      {local && <span className="connection__detail"> · {t('editor:savedLocally')}</span>}
    </p>
  );
}
