import type { DraftOutcome, IncidentDraft, Page } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

const time = (iso: string | null): string => (iso === null ? '' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

function paint(draft: IncidentDraft, colors: Colors): (text: string) => string {
  if (draft.state === 'pending') return colors.yellow;
  if (draft.state === 'rejected') return colors.red;
  return colors.green;
}

export function draftTableText(page: Page<IncidentDraft>, colors: Colors, width: number): string {
  if (page.items.length === 0) return 'The review queue is empty.\n';
  const table = renderTable(
    page.items,
    [
      { header: 'id', value: (d) => d.id },
      { header: 'state', value: (d) => d.state, style: (text, d) => paint(d, colors)(text) },
      { header: 'origin', value: (d) => d.origin },
      { header: 'conf', value: (d) => (d.confidence === null ? '' : String(d.confidence)) },
      { header: 'created', value: (d) => time(d.createdAt) },
      { header: 'title', value: (d) => d.record.title, wrap: true },
    ],
    width,
  );
  return page.next === undefined ? table : `${table}(more: --after ${page.next.join(',')})\n`;
}

export function draftText(draft: IncidentDraft, colors: Colors): string {
  const r = draft.record;
  const lines = [
    `draft ${draft.id}`,
    `  state       ${paint(draft, colors)(draft.state)}${draft.decidedBy === null ? '' : ` by ${draft.decidedBy} at ${time(draft.decidedAt)}`}`,
    ...(draft.reason === null ? [] : [`  reason      ${draft.reason}`]),
    ...(draft.incidentId === null ? [] : [`  incident    ${draft.incidentId}`]),
    `  origin      ${draft.origin}`,
    `  confidence  ${draft.confidence ?? 'not given'}`,
    `  created     ${time(draft.createdAt)} by ${draft.createdBy}`,
    '--- proposed incident ---',
    `  id          ${r.id}`,
    `  title       ${r.title}`,
    `  period      ${r.period.start}${r.period.end === undefined ? '' : ` / ${r.period.end}`}`,
    `  activities  ${r.activities.map((a) => a.type).join(', ')}`,
    ...r.attributions.map((a) => `  sponsor     ${a.sponsor} (${a.relation}, confidence ${a.confidence}, ${a.basis}, by ${a.attributedBy})${a.actorName === undefined ? '' : ` actor ${a.actorName}`}`),
    ...r.victims.map((v) => `  victim      ${v.state}${v.category === undefined ? '' : ` ${v.category}`}${v.entity === undefined ? '' : ` (${v.entity})`}`),
    `  summary     ${r.summary}`,
  ];
  const notes = draft.notes === null ? '' : `--- notes ---\n${draft.notes}\n`;
  return `${lines.join('\n')}\n${notes}`;
}

export function draftOutcomeText(outcome: DraftOutcome): string {
  const verb = outcome.draft.state === 'merged' ? 'merged into' : 'accepted as';
  return `draft ${outcome.draft.id} ${verb} incident ${outcome.incident.incident.id} (version ${outcome.incident.version})\n`;
}

export function draftRejectedText(draft: IncidentDraft): string {
  return `draft ${draft.id} rejected: ${draft.reason ?? ''}\n`;
}
