import type { JobPage, JobRecord } from '@pactwatch/backend';
import type { Colors } from './output.js';
import { renderTable } from './table.js';

function paint(state: JobRecord['state'], text: string, colors: Colors): string {
  if (state === 'completed') return colors.green(text);
  if (state === 'failed') return colors.red(text);
  if (state === 'retry') return colors.yellow(text);
  return text;
}

/** One line saying how a job ended or why it waits. */
function outcome(job: JobRecord): string {
  if (job.error !== null && job.state !== 'completed') return `${job.error.code}: ${job.error.message}`;
  if (job.state === 'retry') return `next attempt after ${job.startAfter}`;
  return '';
}

const time = (iso: string | null): string => (iso === null ? '' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

export function jobTableText(page: JobPage, colors: Colors, width: number, empty = 'No jobs.'): string {
  if (page.jobs.length === 0) return `${empty}\n`;
  const table = renderTable(
    page.jobs,
    [
      { header: 'id', value: (j) => j.id },
      { header: 'kind', value: (j) => j.name },
      { header: 'state', value: (j) => j.state, style: (text, j) => paint(j.state, text, colors) },
      { header: 'tries', value: (j) => `${j.attempts}/${j.retryLimit + 1}` },
      { header: 'created', value: (j) => time(j.createdAt) },
      { header: 'by', value: (j) => j.createdBy },
      { header: 'outcome', value: outcome, wrap: true },
    ],
    width,
  );
  return page.nextCursor === null ? table : `${table}(more: --cursor ${page.nextCursor})\n`;
}

export function jobText(job: JobRecord, colors: Colors): string {
  const lines = [
    `job ${job.id}`,
    `  kind      ${job.name}`,
    `  state     ${paint(job.state, job.state === 'failed' ? 'failed (dead letter: all retries spent)' : job.state, colors)}`,
    `  attempts  ${job.attempts} of ${job.retryLimit + 1} allowed`,
    `  by        ${job.createdBy}`,
    `  created   ${time(job.createdAt)}`,
    ...(job.startedAt === null ? [] : [`  started   ${time(job.startedAt)}`]),
    ...(job.completedAt === null ? [] : [`  finished  ${time(job.completedAt)}`]),
    ...(job.state === 'retry' || job.state === 'created' ? [`  due       ${time(job.startAfter)}`] : []),
    `  payload   ${JSON.stringify(job.payload)}`,
    ...(job.error === null ? [] : [`  error     ${job.error.code}: ${job.error.message}`]),
  ];
  const result = job.state === 'completed' && job.result !== null ? `--- result ---\n${JSON.stringify(job.result, null, 2)}\n` : '';
  return `${lines.join('\n')}\n${result}`;
}
