// A small template, site and audit for component tests, and a transport whose
// answers each test scripts (the subject here is the UI, not the core).
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Template } from '../../../shared/template/schema';
import type { AuditDetail } from '../../../shared/domain/audit';
import type { Site } from '../../../shared/domain/site';
import { LegalProfile } from '../../../shared/domain/legal-profile';
import type { Envelope } from '../../../shared/errors';
import type { Transport } from '../../../shared/contract/client';
import { ClientProvider } from '../../../renderer/src/api/context';
import type { AuditData } from '../../../renderer/src/app/useAuditData';

export const AUDIT_ID = '0193a0f0-0000-7000-8000-000000000001';
export const SITE_ID = '0193a0f0-0000-7000-8000-000000000002';
export const TEMPLATE_ID = '0193a0f0-0000-7000-8000-000000000003';
const NOW = '2026-11-29T08:00:00.000Z';

const base = (id: string, prompt: string) => ({
  id, prompt, guidance: `Guidance for ${prompt}`, evidence: ['Records'], references: [{ standard: 'ETI' as const, clause: '6.1' }],
});

export const template = Template.parse({
  schema: 'fairsite.template/1', key: 'test', version: '1.0.0', name: 'Test checklist',
  sections: [
    { id: 'one', title: 'Section one', items: [base('one.a', 'First question'), { ...base('one.b', 'Second question'), kind: 'compliance' }].map((i) => ({ kind: 'compliance', ...i })) },
    { id: 'two', title: 'Section two', items: [
      { ...base('two.hours', 'Hours sample'), kind: 'hours' },
      { ...base('two.wage', 'Wage sample'), kind: 'wage' },
      { ...base('two.noise', 'Noise'), kind: 'number', unit: 'dB(A)', thresholds: { warnAbove: 60, failAbove: 80 } },
    ] },
  ],
});

export const site: Site = {
  id: SITE_ID, name: 'Test site', clients: ['Acme'], address: '', country: 'PH', headcount: 100, shifts: '',
  currency: 'PHP', legal: LegalProfile.parse({ wagePeriod: 'month', minWage: 15000, overtimeRate: 1.25, regularHoursPerDay: 8 }), createdAt: NOW, updatedAt: NOW,
};

export function auditData(overrides: Partial<AuditDetail['audit']> = {}): AuditData {
  return {
    detail: {
      audit: {
        id: AUDIT_ID, siteId: SITE_ID, templateId: TEMPLATE_ID, revision: 1, previousId: null, status: 'in_progress',
        type: 'announced', startDate: '2026-11-29', endDate: '2026-11-29', team: [], scope: '', leadAuditor: 'Ana',
        createdAt: NOW, updatedAt: NOW, finalizedAt: null, contentHash: null, kind: 'full', followUpOf: null, followUpMode: '', ...overrides,
      },
      site, responses: [], findings: [], actions: [], notes: [],
    },
    template,
    templateInfo: { id: TEMPLATE_ID, key: 'test', version: '1.0.0', name: 'Test checklist', hash: 'x', sections: 2, items: 5, builtIn: false },
  };
}

export interface Call { op: string; input: unknown }

/** A transport that records calls and answers with `handler` (or ok: null). */
export function scriptedTransport(handler: (op: string, input: unknown, n: number) => Envelope<unknown> | Promise<Envelope<unknown>>) {
  const calls: Call[] = [];
  const transport: Transport = async (op, input) => {
    calls.push({ op, input });
    return handler(op, input, calls.length);
  };
  return { transport, calls };
}

export function renderWith(transport: Transport, ui: ReactElement) {
  return render(<ClientProvider transport={transport}>{ui}</ClientProvider>);
}

export const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
export const fail = (code: 'storage' | 'invalid_input' | 'locked', message: string, fields?: Array<{ path: string; message: string }>): Envelope<unknown> =>
  ({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } });

/** What responses.save returns for an input. */
export function savedResponse(input: unknown): Envelope<unknown> {
  const i = input as Record<string, unknown>;
  return ok({ response: { ...i, id: '0193a0f0-0000-7000-8000-0000000000aa', updatedAt: NOW, updatedBy: 'Ana' }, finding: null });
}

/** Answers responses.save with `save`; list operations other screens parts make (evidence) with []. */
export function saveTransport(save: (input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>) {
  return scriptedTransport((op, input) => (op === 'responses.save' ? save(input) : op.endsWith('.list') ? ok([]) : fail('storage', `unexpected ${op}`)));
}
