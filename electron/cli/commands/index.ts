// Every command of `fairsite`, one entry per command module.
import type { Command } from './types';
import { templateValidate } from './template';
import { demo } from './demo';
import { auditsList } from './audits';
import { report } from './report';

export const commands: Command[] = [
  templateValidate,
  demo,
  auditsList,
  report,
];

export type { Command } from './types';
