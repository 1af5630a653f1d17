import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PactwatchError } from '@pactwatch/domain';

const PRINT_TIMEOUT_MS = 120_000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's Chromium: /usr/bin/chromium, else `chromium` on PATH; undefined when neither is there. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const folder of (env['PATH'] ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, 'chromium');
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

export function chromiumMissing(): PactwatchError {
  return new PactwatchError(
    'DEPENDENCY_MISSING',
    'a PDF report needs Chromium, which was not found (looked for /usr/bin/chromium and `chromium` on PATH); install it with `apt-get install -y chromium` (Debian/Ubuntu), or use --format html and print that file from a browser',
  );
}

/**
 * Prints a self-contained HTML document to PDF with headless Chromium: a fresh profile, no
 * network chatter of its own, no header or footer (they would carry the date and a file path,
 * and the report prints no date it was not asked for). Temporary files are removed whatever happens.
 */
export async function printPdf(html: string, chromium: string | undefined): Promise<Uint8Array> {
  if (chromium === undefined) throw chromiumMissing();
  const dir = mkdtempSync(join(tmpdir(), 'pactwatch-pdf-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    writeFileSync(input, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: PRINT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error === null) resolve();
        else reject(new PactwatchError('FILE_ERROR', `Chromium (${chromium}) could not print the report to PDF: ${error.killed ? `no answer within ${PRINT_TIMEOUT_MS / 1000} s` : error.message}${stderr.trim() === '' ? '' : ` — ${stderr.trim().split('\n').slice(-3).join(' ')}`}`, { cause: error }));
      });
    });
    let pdf: Buffer;
    try {
      pdf = readFileSync(output);
    } catch (error) {
      throw new PactwatchError('FILE_ERROR', `Chromium (${chromium}) finished but wrote no PDF at ${output}`, { cause: error });
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PactwatchError('FILE_ERROR', `Chromium (${chromium}) wrote ${output}, but it is not a PDF`);
    return new Uint8Array(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
