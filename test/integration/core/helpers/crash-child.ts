// Child of the crash test: saves answers through the handler path as fast
// as it can and reports each acknowledged one on stdout, until killed.
// Usage: crash-child DATA_DIR AUDIT_ID START_COUNTER ITEM_ID...
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../../../electron/core/core';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';

const [dataDir, auditId, start, ...items] = process.argv.slice(2);
if (!dataDir || !auditId || !start || !items.length) {
  process.stderr.write('usage: crash-child DATA_DIR AUDIT_ID START_COUNTER ITEM_ID...\n');
  process.exit(2);
}
const core = await openCore({ dataDir, secretBox: passphraseBox('unused'), assetsDir: join(dataDir, 'no-assets') });
const dispatch = createDispatch(handlers, core);
writeSync(1, 'ready\n');
for (let counter = Number(start); ; counter++) {
  const itemId = items[counter % items.length]!;
  const answer = counter % 3 === 0 ? 'non_compliant' : 'compliant';
  const env = await dispatch('responses.save', {
    auditId, itemId, value: { kind: 'compliance', answer }, note: `n${counter}`, severity: answer === 'non_compliant' ? 'minor' : null,
  });
  if (!env.ok) {
    process.stderr.write(`save failed: ${JSON.stringify(env.error)}\n`);
    process.exit(1);
  }
  // Synchronous write: the line leaves the process only after the commit returned.
  writeSync(1, `ack ${itemId} ${counter}\n`);
}
