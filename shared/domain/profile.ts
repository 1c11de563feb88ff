import { z } from 'zod';
import { requiredText, shortText } from './common';

export const ProfileInput = z.strictObject({
  name: requiredText(120),
  organisation: requiredText(160),
  email: z.email({ message: 'enter an email address such as name@example.org' }).max(200),
  auditorId: requiredText(40).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-" only'),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const Profile = ProfileInput.extend({
  keyFingerprint: shortText(200),
  createdAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;
