/** Why the server closed the sync connection for good, in words, with the code for support. */
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { closeCodeName, type CloseCodeName } from '../../../shared/closeCodes.ts';
import { loginPath } from '../auth/returnPath.ts';

type ExplainedCode = Exclude<CloseCodeName, 'NORMAL' | 'GOING_AWAY' | 'STORAGE_UNAVAILABLE' | 'TOO_SLOW'>;
const EXPLAINED: readonly ExplainedCode[] = ['NO_CREDENTIALS', 'FORBIDDEN', 'NO_SUCH_DECK', 'LINK_REVOKED', 'LINK_EXPIRED', 'MALFORMED', 'FRAME_TOO_LARGE', 'DECK_DAMAGED', 'RATE_LIMITED'];

function isExplained(name: CloseCodeName | undefined): name is ExplainedCode {
  return name !== undefined && (EXPLAINED as readonly string[]).includes(name);
}

export function ClosedMessage({ code, reason }: { code: number; reason: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const name = closeCodeName(code);
  return (
    <div className="message message--error" role="alert">
      <p className="message__title">{t('deck.closedTitle')}</p>
      <p>{isExplained(name) ? t(`closeReason.${name}`) : t('closeReason.unknown')}</p>
      <p className="message__detail">{t('deck.closedCode', { code, reason: reason || name || '—' })}</p>
      {name === 'NO_CREDENTIALS' && (
        <p>
          <Link to={loginPath(location.pathname, 'session-ended')}>{t('deck.signInAgain')}</Link>
        </p>
      )}
    </div>
  );
}
