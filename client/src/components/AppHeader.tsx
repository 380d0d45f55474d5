/** Site header: brand, main navigation and the user's name with sign-out when signed in. */
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.tsx';
import { loginPath } from '../auth/returnPath.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onList = location.pathname === '/';
  const inTrash = onList && params.get('view') === 'trash';
  const onResearch = location.pathname === '/research';
  const onUsers = location.pathname === '/admin/users';

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app:name')}</span>
        </Link>
        {state.status === 'signed-in' && (
          <nav className="main-nav" aria-label={t('header:mainNav')}>
            <ul>
              <li>
                <Link to="/" aria-current={onList && !inTrash ? 'page' : undefined}>
                  {t('header:decks')}
                </Link>
              </li>
              <li>
                <Link to="/?view=trash" aria-current={inTrash ? 'page' : undefined}>
                  {t('header:trash')}
                </Link>
              </li>
              <li>
                <Link to="/research" aria-current={onResearch ? 'page' : undefined}>
                  {t('research:nav')}
                </Link>
              </li>
              {state.user.role === 'admin' && (
                <li>
                  <Link to="/admin/users" aria-current={onUsers ? 'page' : undefined}>
                    {t('admin:nav')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="app-header__tools">
          <LanguageSwitch />
          {state.status === 'signed-in' && (
            <div className="user-menu">
              <p className="user-name">
                <span className="visually-hidden">{t('header:signedInAs')} </span>
                {state.user.displayName}
              </p>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  void signOut().finally(() => navigate(loginPath('/', 'signed-out'), { replace: true }));
                }}
              >
                {t('header:signOut')}
              </button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
