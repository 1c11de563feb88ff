import { z } from 'zod';
import { says } from '../schema-messages';

// Input limits: every string from a user, a file or the network has a cap.
export const Id = z.uuid(says('format.uuid'));
export const shortText = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1, says('required')).max(max);
export const longText = (max = 20_000) => z.string().max(max);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says('format.date'));
export const IsoDateTime = z.string().max(40);
