/** /login: username and password, with clear messages for a wrong password and throttling. */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { useAuth } from './AuthContext.tsx';
import { safeReturnPath } from './returnPath.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH } from '../../../shared/limits.ts';

function signInError(t: TFunction, err: unknown): string {
  if (isApiRequestError(err)) {
    if (err.status === 401) return t('login:wrongCredentials');
    if (err.status === 429) {
      const seconds = err.retryAfterSeconds ?? 60;
      return seconds >= 60
        ? t('login:throttledMinutes', { count: Math.ceil(seconds / 60) })
        : t('login:throttledSeconds', { count: Math.max(1, seconds) });
    }
  }
  return errorMessage(t, err);
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The raw failure, translated at render time so a language switch also changes the message.
  const [failure, setFailure] = useState<{ err: unknown } | null>(null);
  useDocumentTitle(t('login:title'));

  if (state.status === 'loading') return <LoadingMessage />;
  // Already signed in (and not in the middle of submitting): go where the user was heading.
  if (state.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const error = failure ? signInError(t, failure.err) : null;
  const notice = params.get('ended') ? t('login:sessionEnded') : params.get('signedOut') ? t('login:signedOut') : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setFailure({ err });
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <div className="login__panel">
        <h1>{t('login:title')}</h1>
        <p className="login__intro">{t('login:intro')}</p>
        {notice && !error && (
          <p className="message message--info" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="message message--error" id="login-error" role="alert">
            {error}
          </p>
        )}
        <form className="form" onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label htmlFor="login-username">{t('login:username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={MAX_USERNAME_LENGTH}
              value={username}
              aria-describedby={error ? 'login-error' : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login:password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={MAX_PASSWORD_LENGTH}
              value={password}
              aria-describedby={error ? 'login-error' : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('login:submitting') : t('login:submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
