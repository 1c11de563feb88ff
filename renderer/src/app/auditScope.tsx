// The audit on screen, for the parts deep inside it (photos, notes, records):
// its id and whether it is read-only, given once by the audit's frame instead
// of passed down through every level.
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface AuditScope {
  auditId: string;
  /** Finalized: shown, never changed. */
  readOnly: boolean;
  /** The site's IANA time zone, where its moments are shown; none recorded: UTC. */
  timeZone?: string;
}

const Ctx = createContext<AuditScope | null>(null);

export function AuditScopeProvider({ auditId, readOnly, timeZone, children }: AuditScope & { children: ReactNode }) {
  const scope = useMemo(() => ({ auditId, readOnly, timeZone }), [auditId, readOnly, timeZone]);
  return <Ctx.Provider value={scope}>{children}</Ctx.Provider>;
}

export function useAuditScope(): AuditScope {
  const scope = useContext(Ctx);
  if (!scope) throw new Error('useAuditScope is used outside an audit screen: AuditFrame (or AuditScopeProvider) gives the scope.');
  return scope;
}
