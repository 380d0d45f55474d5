/** Entry point: translations first (they set <html lang>), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/decks.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
