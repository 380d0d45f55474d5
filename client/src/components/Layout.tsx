/**
 * Page frame: skip link, header and the main landmark. After client-side navigation focus
 * moves to the new page's heading, so screen readers announce where the user landed.
 */
import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useMatch } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader.tsx';

export function Layout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  // A new page is a new path or view; typing in a search box (?q=) is not.
  const params = new URLSearchParams(search);
  params.delete('q');
  const pageKey = `${pathname}?${params.toString()}`;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // The editor uses the whole window below the header; other pages keep the reading width.
  const fullWidth = useMatch('/decks/:id') !== null;

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    } else {
      main.focus();
    }
  }, [pageKey]);

  return (
    <div className={fullWidth ? 'app app--full' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app:skipToContent')}
      </a>
      <AppHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className={fullWidth ? 'app-main app-main--full' : 'app-main'}>
        <Outlet />
      </main>
    </div>
  );
}
