// The app, mounted by main.tsx once the first screen's calls have left.
import './zod-setup';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Transport } from '../../shared/contract/client';
import { ClientProvider } from './api/context';
import { App } from './app/App';
import { Installation } from './hq/Installation';
import { initI18n, languageLoaded } from './i18n';
import './styles.css';

export async function mountApp(transport: Transport): Promise<void> {
  initI18n();
  // A start in Spanish or French fetches that catalogue first (English is here).
  await languageLoaded();
  const root = document.getElementById('root');
  if (!root) return;
  // Rendered at once, not in a later task: the first screen's replies are
  // usually here already (main.tsx), so this pass paints it whole.
  const app = createRoot(root);
  flushSync(() => app.render(
    <StrictMode>
      <ClientProvider transport={transport}>
        <Installation><App /></Installation>
      </ClientProvider>
    </StrictMode>,
  ));
}
