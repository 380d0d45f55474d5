/** Why the server closed the sync connection for good, in words, with the code for support. */
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { closeCodeName } from '../../../shared/closeCodes.ts';
import { loginPath } from '../auth/returnPath.ts';
import { closeReasonKey } from './closeReasonKey.ts';

export function ClosedMessage({ code, reason }: { code: number; reason: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const name = closeCodeName(code);
  return (
    <div className="message message--error" role="alert">
      <p className="message__title">{t('deck:closedTitle')}</p>
      <p>{t(closeReasonKey(code))}</p>
      <p className="message__detail">{t('deck:closedCode', { code, reason: reason || name || '—' })}</p>
      {name === 'NO_CREDENTIALS' && (
        <p>
          <Link to={loginPath(location.pathname, 'session-ended')}>{t('deck:signInAgain')}</Link>
        </p>
      )}
    </div>
  );
}
