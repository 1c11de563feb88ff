// The first code a start runs, kept small on purpose: it sends the first
// screen's calls (app/startup.ts) and only then loads the app itself, so
// the core answers while the browser fetches and runs the app's code
// instead of after. Nothing here may import the app's modules statically.
import { defaultTransport } from './api/transport';
import { startupCalls, withStartupCalls } from './app/startup';

const transport = withStartupCalls(defaultTransport(), startupCalls(window.location.hash));
void import('./root').then((m) => m.mountApp(transport));
