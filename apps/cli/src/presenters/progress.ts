import type { ImportProgress } from '@pactwatch/backend';

/**
 * A one-line progress bar on stderr, redrawn in place. Silent when stderr is not a terminal or
 * when the command prints JSON, so scripts and logs never see it.
 */
export function progressBar(label: string, enabled: boolean): (progress: ImportProgress) => void {
  if (!enabled || process.stderr.isTTY !== true) return () => undefined;
  let last = '';
  return (progress) => {
    const width = 30;
    const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
    const bar = progress.phase === 'writing' ? `[${'#'.repeat(Math.round(fraction * width)).padEnd(width)}] ${progress.done}/${progress.total}` : '';
    const line = progress.phase === 'done' ? '' : `${label}: ${progress.phase}${progress.phase === 'validating' ? ` ${progress.total} unit(s)` : ''} ${bar}`.trimEnd();
    if (line === last) return;
    last = line;
    process.stderr.write(`\r\u001b[2K${line}`);
  };
}
