// Operations of the laptop's outbox: making a signed bundle (a job) and
// sending it to headquarters. The schemas are in shared/domain/sync.ts.
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { BundleExportResult, OutboxItem, SendSummary } from '../domain/sync';

const none = z.strictObject({});

export const outboxOps = {
  'bundle.export': op({
    summary: 'Make a signed bundle (incremental to the last one HQ acknowledged unless full) and put it in the outbox',
    input: z.strictObject({ auditIds: z.array(Id).max(10_000).default([]), full: z.boolean().default(false) }),
    output: z.object({ jobId: Id }),
    job: BundleExportResult,
  }),
  'outbox.list': op({ summary: 'Bundles made on this laptop and their upload state', input: none, output: z.array(OutboxItem) }),
  'outbox.sendNow': op({ summary: 'Upload every bundle not yet sent, now', input: none, output: z.object({ jobId: Id }), job: SendSummary }),
  'outbox.markDelivered': op({ summary: 'Record that HQ has a bundle delivered by hand (USB)', input: z.strictObject({ bundleId: Id }), output: OutboxItem }),
};
