// Operations of HQ's database setting: which engine holds HQ's data, a
// switch to another (tested before it is saved), and a refresh of the
// screens' copy of a PostgreSQL server. The schema is in shared/domain/hq-database.ts.
import { z } from 'zod';
import { op } from './define';
import { HqDatabase } from '../domain/hq-database';

export const hqDatabaseOps = {
  'hq.database': op({ summary: "Headquarters: where HQ's data is, and how current the screens' copy of it is", input: z.strictObject({}), output: HqDatabase }),
  'hq.setDatabase': op({
    summary: "Headquarters: keep HQ's data in the HQ folder (url null) or on a PostgreSQL server; the connection is tested before it is saved",
    input: z.strictObject({ url: z.string().trim().min(1).max(2000).nullable(), password: z.string().max(1000).default('') }),
    output: HqDatabase,
  }),
  'hq.refreshReplica': op({ summary: "Headquarters on PostgreSQL: bring the screens' copy up to the server now", input: z.strictObject({}), output: HqDatabase }),
};
