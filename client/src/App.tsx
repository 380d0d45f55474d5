/** Routes. The deck page is lazy: its chunk carries yjs and y-websocket. */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './components/Layout.tsx';
import { LoadingMessage } from './components/LoadingMessage.tsx';
import DeckListPage from './pages/DeckListPage.tsx';
import LoginPage from './pages/LoginPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';
import ViewerPage from './pages/ViewerPage.tsx';

const DeckPage = lazy(() => import('./pages/DeckPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/v/:token" element={<ViewerPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<DeckListPage />} />
              <Route
                path="/decks/:id"
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <DeckPage />
                  </Suspense>
                }
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
