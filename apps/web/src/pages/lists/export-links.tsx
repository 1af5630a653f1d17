import type { Query } from '../../api/client.js';
import { EXPORT_FORMATS, exportHref } from './list-query.js';

/**
 * Downloads of the current selection: plain links with `download`, so the browser saves the file
 * and sends the session cookie (same origin) without the page holding the bytes.
 */
export function ExportLinks({ filters, what }: { filters: Query; what: string }) {
  const filtered = Object.keys(filters).length > 0;
  return (
    <nav className="export-links" aria-label="Export">
      <span className="muted">Export {filtered ? `these ${what}` : `all ${what}`}:</span>
      {EXPORT_FORMATS.map((f) => (
        <a key={f.format} className="button" href={exportHref(f.format, filters)} download title={f.description}>
          {f.label}
        </a>
      ))}
    </nav>
  );
}
