import type { AuditEntry, AuditPage } from '@pactwatch/backend';
import { renderTable } from './table.js';

function changed(entry: AuditEntry): string {
  const before = entry.before !== null && typeof entry.before === 'object' ? (entry.before as Record<string, unknown>) : {};
  const after = entry.after !== null && typeof entry.after === 'object' ? (entry.after as Record<string, unknown>) : {};
  if (entry.before === null) return 'created';
  if (entry.after === null) return 'removed';
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return keys.length === 0 ? '' : keys.map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k] ?? null)}`).join('; ');
}

export function auditText(page: AuditPage, width: number): string {
  if (page.entries.length === 0) return 'No audit entries match.\n';
  const table = renderTable(
    page.entries,
    [
      { header: '#', value: (e) => String(e.id) },
      { header: 'at (UTC)', value: (e) => e.at.slice(0, 19).replace('T', ' ') },
      { header: 'who', value: (e) => `${e.principal.name}${e.principal.role === null ? '' : ` (${e.principal.role})`}` },
      { header: 'action', value: (e) => e.action },
      { header: 'entity', value: (e) => `${e.entityType}:${e.entityId}` },
      { header: 'change', value: (e) => [changed(e), e.note ?? ''].filter((s) => s !== '').join(' — '), wrap: true },
    ],
    width,
  );
  return page.nextCursor === null ? table : `${table}… older entries: add --before ${page.nextCursor}\n`;
}
