import { z } from 'zod';
import { requiredText, shortText } from './common';
import { says } from '../schema-messages';

export const ProfileInput = z.strictObject({
  name: requiredText(120),
  organisation: requiredText(160),
  email: z.email(says('format.email')).max(200),
  auditorId: requiredText(40).regex(/^[A-Za-z0-9._-]+$/, says('schema.auditorId')),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const Profile = ProfileInput.extend({
  keyFingerprint: shortText(200),
  createdAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;
