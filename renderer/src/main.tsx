import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientProvider } from './api/context';
import { defaultTransport } from './api/transport';
import { App } from './app/App';
import { Installation } from './hq/Installation';
import { initI18n } from './i18n';
import './styles.css';

initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ClientProvider transport={defaultTransport()}>
        <Installation><App /></Installation>
      </ClientProvider>
    </StrictMode>,
  );
}
