// What this installation is: an auditor's laptop or headquarters, chosen at
// first run and kept. A data folder that already holds an auditor's profile
// is a laptop.
import { z } from 'zod';
import { op } from './define';

export const InstallRole = z.enum(['laptop', 'hq']);
export type InstallRole = z.infer<typeof InstallRole>;

export const InstallState = z.object({ role: InstallRole.nullable() });
export type InstallState = z.infer<typeof InstallState>;

export const installOps = {
  'install.get': op({ summary: "What this installation is (an auditor's laptop or headquarters), or null before first run", input: z.strictObject({}), output: InstallState }),
  'install.choose': op({ summary: 'Choose, once, what this installation is', input: z.strictObject({ role: InstallRole }), output: InstallState }),
};
