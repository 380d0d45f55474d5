/** Routes. The deck editor is lazy: its chunk carries Tiptap, yjs and y-websocket. */
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

const EditorPage = lazy(() => import('./editor/EditorPage.tsx'));
// The research log and user management load on demand, so the deck list's bundle stays small.
const ResearchPage = lazy(() => import('./pages/ResearchPage.tsx'));
const AdminUsersPage = lazy(() => import('./pages/AdminUsersPage.tsx'));

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
                    <EditorPage />
                  </Suspense>
                }
              />
              <Route
                path="/research"
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <ResearchPage />
                  </Suspense>
                }
              />
              <Route
                path="/admin/users"
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <AdminUsersPage />
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
