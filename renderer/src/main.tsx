// The first code a start runs, kept small on purpose: it sends the first
// screen's calls (app/startup.ts) and only then loads the app itself, so
// the core answers while the browser fetches and runs the app's code
// instead of after. Nothing here may import the app's modules statically.
import { defaultTransport } from './api/transport';
import { startupCalls, withStartupCalls } from './app/startup';

/** The longest the app waits for the first screen's replies before it mounts without them (and shows "Loading"). */
const MOUNT_WAIT_MS = 400;

const transport = withStartupCalls(defaultTransport(), startupCalls(window.location.hash));
// Mounted once its code has run and the replies are in (they usually are by
// then): the first screen renders in one pass with its data, instead of a
// "Loading" pass per screen, each waiting for the next task.
const repliesOrTimeout = Promise.race([transport.settled, new Promise((done) => setTimeout(done, MOUNT_WAIT_MS))]);
void Promise.all([import('./root'), repliesOrTimeout]).then(([m]) => m.mountApp(transport));
