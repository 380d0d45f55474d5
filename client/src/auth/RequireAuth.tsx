/** Route guard: signed-out visitors go to /login and come back here after signing in. */
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { useAuth } from './AuthContext.tsx';
import { loginPath } from './returnPath.ts';

export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingMessage />;
  if (state.status === 'signed-out') {
    const why = state.reason === 'initial' ? undefined : state.reason;
    return <Navigate to={loginPath(location.pathname + location.search, why)} replace />;
  }
  return <Outlet />;
}
