// Operations of the laptop's sync settings: where bundles are uploaded (its
// secret stored sealed) and HQ's encryption key. The schemas are in
// shared/domain/sync.ts.
import { z } from 'zod';
import { op } from './define';
import { EndpointInfo, EndpointInput } from '../domain/sync';

const none = z.strictObject({});

export const syncOps = {
  'sync.settings': op({ summary: 'Upload address (without its secret) and HQ encryption key', input: none, output: z.object({ endpoint: EndpointInfo.nullable(), hqRecipient: z.string().nullable() }) }),
  'sync.saveEndpoint': op({ summary: 'Set the HQ upload address and credentials (stored encrypted)', input: EndpointInput, output: EndpointInfo }),
  'sync.setHqKey': op({ summary: "Set HQ's public encryption key (age1…); bundles are then encrypted to it", input: z.strictObject({ recipient: z.string().trim().max(200).nullable() }), output: z.object({ hqRecipient: z.string().nullable() }) }),
};
