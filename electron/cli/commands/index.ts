// Every command of `fairsite`, one entry per command module.
import type { Command } from './types';
import { templateValidate } from './template';
import { demo } from './demo';
import { profileSet, profileShow } from './profile';
import { auditsList } from './audits';
import { report } from './report';
import { bundleAck, bundleExport, bundleList, bundleSend, bundleSettings, bundleVerify } from './bundle';
import { evidenceVerify } from './evidence';
import { hqExport } from './hq-export';
import { hqEnrol, hqHandover, hqImport, hqInit, hqRevoke, hqStatusCmd } from './hq';
import { configImport, hqPublishConfig, hqRotateConfigKey } from './config';

export const commands: Command[] = [
  templateValidate,
  demo,
  profileShow, profileSet,
  auditsList,
  report,
  bundleExport, bundleVerify, bundleList, bundleSend, bundleAck, bundleSettings,
  hqInit, hqEnrol, hqRevoke, hqHandover, hqImport, hqStatusCmd, hqExport,
  evidenceVerify,
  hqPublishConfig, hqRotateConfigKey, configImport,
];

export type { Command } from './types';
