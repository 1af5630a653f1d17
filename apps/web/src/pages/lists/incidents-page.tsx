import type { PageProps } from '../../routes.js';

// Placeholder: this page is being built (issue 6).
export function IncidentsPage({ params }: PageProps) {
  return (
    <section>
      <h1>Incidents</h1>
      <p className="muted">Not built yet. {JSON.stringify(params)}</p>
    </section>
  );
}
