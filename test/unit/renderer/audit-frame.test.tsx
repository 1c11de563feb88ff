// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { AuditFrame } from '../../../renderer/src/app/AuditFrame';
import { useAuditScope } from '../../../renderer/src/app/auditScope';
import { AUDIT_ID, auditData } from './fixtures';

const finalized = { status: 'finalized' as const, finalizedAt: '2026-11-02T10:00:00.000Z' };

describe('audit frame', () => {
  it('names a follow-up as such and does not offer to reopen it', () => {
    const { detail } = auditData({ ...finalized, kind: 'follow_up', followUpOf: AUDIT_ID, followUpMode: 'desk_review' });
    render(<AuditFrame detail={detail} tab="summary"><p>body</p></AuditFrame>);
    expect(screen.getByText('Follow-up desk review')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('A follow-up is not reopened');
    expect(screen.getByRole('status').textContent).not.toContain('reopen it as a new revision');
  });

  it('offers a full audit a new revision', () => {
    const { detail } = auditData(finalized);
    render(<AuditFrame detail={detail} tab="summary"><p>body</p></AuditFrame>);
    expect(screen.queryByText(/Follow-up/)).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('reopen it as a new revision');
  });

  it('gives the parts inside it the audit and whether it is read-only, without props', () => {
    function Probe() {
      const { auditId, readOnly } = useAuditScope();
      return <p>{`${auditId} ${readOnly ? 'read-only' : 'editable'}`}</p>;
    }
    const { unmount } = render(<AuditFrame detail={auditData().detail} tab="evidence"><Probe /></AuditFrame>);
    expect(screen.getByText(`${AUDIT_ID} editable`)).toBeTruthy();
    unmount();
    render(<AuditFrame detail={auditData(finalized).detail} tab="evidence"><Probe /></AuditFrame>);
    expect(screen.getByText(`${AUDIT_ID} read-only`)).toBeTruthy();
  });

  it('a part that needs the audit outside an audit screen says so', () => {
    function Probe() {
      useAuditScope();
      return null;
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow(/outside an audit screen/);
    quiet.mockRestore();
  });
});
