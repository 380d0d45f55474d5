/** Routes. The deck editor is lazy: its chunk carries Tiptap, yjs and y-websocket. */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './components/Layout.tsx';
import { LoadingMessage } from './components/LoadingMessage.tsx';
import LoginPage from './pages/LoginPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';

// The deck list is lazy too: an attendee's link never needs it (nor its dialogs).
const DeckListPage = lazy(() => import('./pages/DeckListPage.tsx'));
const EditorPage = lazy(() => import('./editor/EditorPage.tsx'));
// A deck's version history: its own chunk (yjs and the slide styles, no editor).
const HistoryPage = lazy(() => import('./pages/HistoryPage.tsx'));
// The research log and user management load on demand, so the deck list's bundle stays small.
const ResearchPage = lazy(() => import('./pages/ResearchPage.tsx'));
const AdminUsersPage = lazy(() => import('./pages/AdminUsersPage.tsx'));
// Presenting: each page its own chunk. The attendee page stays light (no editor code).
const ViewerPage = lazy(() => import('./pages/ViewerPage.tsx'));
const PresenterPage = lazy(() => import('./present/PresenterPage.tsx'));
const SpeakerPage = lazy(() => import('./present/SpeakerPage.tsx'));
const PrintPage = lazy(() => import('./present/PrintPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          {/* Full-window pages without the site header: the attendee view, presenting, printing. */}
          <Route
            path="/v/:token"
            element={
              <Suspense fallback={<LoadingMessage />}>
                <ViewerPage />
              </Suspense>
            }
          />
          <Route element={<RequireAuth />}>
            <Route
              path="/decks/:id/present"
              element={
                <Suspense fallback={<LoadingMessage />}>
                  <PresenterPage />
                </Suspense>
              }
            />
            <Route
              path="/decks/:id/speaker"
              element={
                <Suspense fallback={<LoadingMessage />}>
                  <SpeakerPage />
                </Suspense>
              }
            />
            <Route
              path="/decks/:id/print"
              element={
                <Suspense fallback={<LoadingMessage />}>
                  <PrintPage />
                </Suspense>
              }
            />
          </Route>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route
                index
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <DeckListPage />
                  </Suspense>
                }
              />
              <Route
                path="/decks/:id"
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <EditorPage />
                  </Suspense>
                }
              />
              <Route
                path="/decks/:id/history"
                element={
                  <Suspense fallback={<LoadingMessage />}>
                    <HistoryPage />
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
