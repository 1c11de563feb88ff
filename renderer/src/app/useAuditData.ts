import type { AuditDetail } from '../../../shared/domain/audit';
import type { Template } from '../../../shared/template/schema';
import type { TemplateInfo } from '../../../shared/contract/core-ops';
import { useClient } from '../api/context';
import { useAsync } from './useAsync';
import { afterPendingSaves } from '../walkthrough/saveQueue';

export interface AuditData {
  detail: AuditDetail;
  template: Template;
  templateInfo: TemplateInfo;
}

export function useAuditData(auditId: string, version: string) {
  const client = useClient();
  return useAsync<AuditData>(async () => {
    await afterPendingSaves();
    const detail = await client.call('audits.get', { id: auditId });
    const t = await client.call('templates.get', { id: detail.audit.templateId });
    return { detail, template: t.template, templateInfo: t.info };
  }, `${auditId}:${version}`);
}
