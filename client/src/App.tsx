/**
 * Routes. The deck editor is lazy: its chunk carries Tiptap, yjs and y-websocket.
 *
 * Where pages live — one rule: a page lives in the folder of the feature it belongs to,
 * named <Thing>Page.tsx, with its default export the page component (auth/LoginPage.tsx,
 * deck/DeckListPage.tsx, editor/EditorPage.tsx, history/HistoryPage.tsx,
 * research/ResearchPage.tsx, admin/AdminUsersPage.tsx, present/ViewerPage.tsx,
 * present/PresenterPage.tsx …). A page of no feature (NotFoundPage) lives in components/.
 * There is no pages/ folder.
 */
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import LoginPage from './auth/LoginPage.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './components/Layout.tsx';
import { lazyPage } from './components/lazyPage.tsx';
import NotFoundPage from './components/NotFoundPage.tsx';

// The deck list is lazy too: an attendee's link never needs it (nor its dialogs).
const DeckListPage = lazyPage(() => import('./deck/DeckListPage.tsx'));
const EditorPage = lazyPage(() => import('./editor/EditorPage.tsx'));
// A deck's version history: its own chunk (yjs and the slide styles, no editor).
const HistoryPage = lazyPage(() => import('./history/HistoryPage.tsx'));
// The research log and user management load on demand, so the deck list's bundle stays small.
const ResearchPage = lazyPage(() => import('./research/ResearchPage.tsx'));
const AdminUsersPage = lazyPage(() => import('./admin/AdminUsersPage.tsx'));
// Presenting: each page its own chunk. The attendee page stays light (no editor code).
const ViewerPage = lazyPage(() => import('./present/ViewerPage.tsx'));
const PresenterPage = lazyPage(() => import('./present/PresenterPage.tsx'));
const SpeakerPage = lazyPage(() => import('./present/SpeakerPage.tsx'));
const PrintPage = lazyPage(() => import('./present/PrintPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          {/* Full-window pages without the site header: the attendee view, presenting, printing. */}
          <Route path="/v/:token" element={<ViewerPage />} />
          <Route element={<RequireAuth />}>
            <Route path="/decks/:id/present" element={<PresenterPage />} />
            <Route path="/decks/:id/speaker" element={<SpeakerPage />} />
            <Route path="/decks/:id/print" element={<PrintPage />} />
          </Route>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<DeckListPage />} />
              <Route path="/decks/:id" element={<EditorPage />} />
              <Route path="/decks/:id/history" element={<HistoryPage />} />
              <Route path="/research" element={<ResearchPage />} />
              <Route path="/admin/users" element={<AdminUsersPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
