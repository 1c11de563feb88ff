// HQ's store behind one asynchronous interface, so the same import (verify
// in staging first, then one transaction per bundle) runs on the embedded
// SQLite file or on a PostgreSQL server several importers share. What the
// engines hold is the same: rows keyed by content; photos and report PDFs
// stay files in HQ's folder, the database holds their hashes.
import type { HqAudit } from '../../../../shared/domain/sync';
import type { Enrolment, VerifiedBundle } from '../../bundle/verify';
import type { EnrolledAuditor } from '../enrol';
import type { CyclePlan } from '../actions-import';
import type { Handover } from '../owners';

export type HqEngineKind = 'sqlite' | 'postgres';

export interface BundleRow {
  bundle_id: string;
  state: string;
  held_reason: string | null;
  manifest_hash: string;
  held_file: string | null;
}

export interface HeldBundle {
  bundleId: string;
  auditorId: string;
  reason: string;
  receivedAt: string;
}

/** What the checks found a bundle may write: the report owners and its action-chain events. */
export interface Passed {
  reports: Map<string, string>;
  cycle: CyclePlan;
}

/** The database's verdict on a verified bundle: what it still waits for, or what it may write. */
export type Checked = { waiting: string } | Passed;

export interface Applied {
  audits: string[];
  /** Audits that now have two diverging versions, both kept. */
  conflicts: string[];
}

export interface HeldInput {
  v: VerifiedBundle;
  manifestHash: string;
  /** Where the held copy is (HQ's held folder). */
  file: string;
  reason: string;
  now: string;
}

export interface HqStore {
  readonly engine: HqEngineKind;
  /** Where the data is, for messages: the SQLite file, or the server URL without its password. */
  readonly where: string;
  bundleByHash(contentHash: string): Promise<BundleRow | undefined>;
  bundleById(bundleId: string): Promise<BundleRow | undefined>;
  /** The base a held bundle waits for; null when it is not held or has none. */
  heldBaseOf(bundleId: string): Promise<string | null>;
  /** Enrolments as they are now, for verification's check of the signer as soon as the manifest is read. */
  enrolments(): Promise<(fingerprint: string) => Enrolment | null>;
  /** Owners, dependencies, records against their chains, reports: throws BundleRejected; writes nothing. */
  check(v: VerifiedBundle): Promise<Checked>;
  /** Records the bundle as held; false when its dependency arrived meanwhile (check it again). */
  hold(input: HeldInput): Promise<boolean>;
  /** One transaction; null when another importer applied this bundle first. */
  apply(v: VerifiedBundle, passed: Passed, now: string): Promise<Applied | null>;
  heldBundles(): Promise<BundleRow[]>;
  listHeld(): Promise<HeldBundle[]>;
  listAuditors(): Promise<EnrolledAuditor[]>;
  enrol(input: { publicKey: string; auditorId: string; name: string }): Promise<EnrolledAuditor>;
  revoke(fingerprint: string): Promise<EnrolledAuditor>;
  /** Moves an audit and its later revisions to another enrolled key, in one transaction; a refusal changes nothing. */
  handOver(input: { auditId: string; toFingerprint: string; reason: string }): Promise<Handover>;
  audits(): Promise<HqAudit[]>;
  /** After a batch that imported something: refresh the planner's statistics of tables that grew. */
  optimize(): Promise<void>;
  close(): Promise<void>;
}
