/** An ISO instant in the reader's locale (the review queue and imports pages); the text as given when unreadable. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A `<time>` with the machine-readable instant kept in dateTime; a dash when there is none. */
export function Instant({ iso }: { iso: string | null }) {
  if (iso === null) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(iso)}
    </time>
  );
}
