// Where HQ mode keeps its data: SQLite in the HQ folder (the default) or a
// PostgreSQL server, and how current the screens' copy of the server is.
// The operations are in shared/contract/hq-database-ops.ts.
import { z } from 'zod';
import { MessageSchema } from './message';

export const HqDatabase = z.object({
  engine: z.enum(['sqlite', 'postgres']),
  /** The server's address without its password; null on SQLite. */
  url: z.string().nullable(),
  /** A password is kept (sealed) for that address; it is never sent back. */
  hasPassword: z.boolean(),
  /** HQ's folder: photos, signed PDFs, held bundles (and on SQLite the database itself). */
  folder: z.string(),
  /** PostgreSQL: when the snapshot the screens show was taken. */
  asOf: z.string().nullable(),
  /** PostgreSQL: why the last refresh failed, and what to do. */
  error: z.string().nullable(),
  /** The same reason as a message (key and parameters), said in the UI's language. */
  errorText: MessageSchema.nullable().optional(),
  refreshing: z.boolean(),
  /** The server was named by the FAIRSITE_HQ_DB environment variable, nothing being chosen in these settings yet. */
  fromEnvironment: z.boolean(),
  /** PostgreSQL: which copy the screens read; when it changes, a refresh brought new data and open screens read again. */
  dataVersion: z.string().nullable(),
});
export type HqDatabase = z.infer<typeof HqDatabase>;
