import { describeUncertainDate, parseUncertainDate, stateName, type Agreement, type Incident } from '@pactwatch/domain';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

function partiesText(agreement: Agreement): string {
  return agreement.parties.map((p) => ('state' in p ? p.state : `group:${p.group}`)).join(', ');
}

function when(edtf: string): string {
  try {
    return describeUncertainDate(parseUncertainDate(edtf));
  } catch {
    return edtf;
  }
}

export function agreementsTable(agreements: readonly Agreement[], width: number): string {
  if (agreements.length === 0) return 'No agreements match.\n';
  return renderTable(
    agreements,
    [
      { header: 'ID', value: (a) => a.id },
      { header: 'SIGNED', value: (a) => a.signed },
      { header: 'KIND', value: (a) => a.kind },
      { header: 'STATUS', value: (a) => a.status },
      { header: 'PARTIES', value: partiesText },
      { header: 'COMMITMENTS', value: (a) => String(a.commitments.length) },
      { header: 'TITLE', value: (a) => a.shortTitle ?? a.title, wrap: true },
    ],
    width,
  );
}

export function incidentsTable(incidents: readonly Incident[], width: number): string {
  if (incidents.length === 0) return 'No incidents match.\n';
  return renderTable(
    incidents,
    [
      { header: 'ID', value: (i) => i.id },
      { header: 'PERIOD', value: (i) => (i.period.end === undefined ? i.period.start : `${i.period.start}/${i.period.end}`) },
      { header: 'SPONSOR', value: (i) => [...new Set(i.attributions.map((a) => `${a.sponsor}(${a.confidence})`))].join(',') },
      { header: 'VICTIMS', value: (i) => [...new Set(i.victims.map((v) => v.state))].join(',') },
      { header: 'ACTIVITY', value: (i) => i.activities.map((a) => (a.certainty === 'possible' ? `${a.type}?` : a.type)).join(',') },
      { header: 'MEANS', value: (i) => i.means.join(',') },
      { header: 'TITLE', value: (i) => i.title, wrap: true },
    ],
    width,
  );
}

export function agreementDetail(agreement: Agreement, colors: Colors): string {
  const lines = [
    colors.bold(agreement.title),
    `  id ${agreement.id} · ${agreement.kind} · ${agreement.status} · signed ${when(agreement.signed)}${agreement.inForce === undefined ? '' : ` · in force ${when(agreement.inForce)}`}`,
    `  parties: ${agreement.parties.map((p) => ('state' in p ? `${stateName(p.state)} (${p.state})` : `group ${p.group}`)).join(', ')}`,
  ];
  for (const c of agreement.commitments) {
    lines.push(`  - ${c.id} [${c.obligation}] ${c.title}`, `      "${c.text}"`, `      — ${c.source.publisher}, ${c.source.title}${c.source.url === undefined ? '' : ` <${c.source.url}>`}`);
  }
  return `${lines.join('\n')}\n`;
}
