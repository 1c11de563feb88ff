// The sync screen: the laptop's outbox and its settings, and the
// headquarters side (import, enrolment) for whoever runs HQ.
import { HqImport } from './HqImport';
import { OutboxView } from './OutboxView';
import { SyncSettings } from './SyncSettings';

export function SyncScreen() {
  return (
    <div className="page page--narrow">
      <h1>Sync</h1>
      <OutboxView />
      <SyncSettings />
      <HqImport />
    </div>
  );
}
