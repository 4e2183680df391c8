import { config } from '../config';
import { getToken } from '../auth/session';

/**
 * Downloads the organisation's audit log as JSON Lines from `/audit/export` (R-AUDIT-2): the same
 * authorisation as the log page, sent as the session's bearer token. `from`/`to` are instants
 * (from inclusive, to exclusive), as the endpoint takes them.
 */
export async function downloadAuditExport(organisationId: string, period: { from?: string | null; to?: string | null }): Promise<{ ok: true } | { ok: false; status: number | string }> {
  const url = new URL(config.auditExportUrl);
  url.searchParams.set('organisationId', organisationId);
  if (period.from) url.searchParams.set('from', period.from);
  if (period.to) url.searchParams.set('to', period.to);
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
  } catch {
    return { ok: false, status: 'network' };
  }
  if (!res.ok) return { ok: false, status: res.status };
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `audit-${organisationId}.jsonl`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true };
}
