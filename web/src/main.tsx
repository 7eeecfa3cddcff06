// Designsystemet's theme sets Inter; it is served from our own origin (no font CDN, CSP font-src 'self').
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { checkSession } from './auth';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Who the session cookie belongs to, if anyone: the app shows a spinner until the server answers.
void checkSession();
