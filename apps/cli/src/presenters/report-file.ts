import type { RenderedReport } from '@pactwatch/backend';
import { PactwatchError } from '@pactwatch/domain';
import { isSymbolicLink, writeFileAtomically } from './atomic-file.js';
import { exportTarget } from './export-presenter.js';

/**
 * Checks --out before any work; returns the absolute path. The user picks the path, so `..` is
 * fine; but its folder must exist, it must not be a folder, and it must not be a symbolic link:
 * a report never replaces or writes through a link the user may not know is there.
 */
export function reportTarget(out: string): string {
  const target = exportTarget(out);
  if (isSymbolicLink(target)) throw new PactwatchError('FILE_ERROR', `--out ${out}: is a symbolic link; give the path of a regular file (pactwatch does not write through links)`);
  return target;
}

/** Writes the report whole or not at all (atomic-file.ts), after checking --out again. */
export function writeReportFile(out: string, body: string | Uint8Array): void {
  writeFileAtomically(reportTarget(out), body, `--out ${out}`);
}

/** One line for stderr after writing a file: what went where. */
export function reportSummary(rendered: RenderedReport, out: string): string {
  const r = rendered.report;
  return `pactwatch: wrote ${rendered.format} report (${r.agreements.length} agreement(s), ${r.breaches.length} breach(es), ${r.possibleBreaches.length} possible breach(es), ${r.citations.length} source(s)) to ${out}`;
}
