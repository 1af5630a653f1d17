import type { Incident } from '@pactwatch/domain';
import { useId, useState } from 'react';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { useDebounced } from '../../hooks/use-debounced.js';


const PROVENANCE: Readonly<Record<Incident['provenance']['origin'], string>> = {
  added: 'added here, can take a merge',
  'seed-article': 'curated, read-only',
  imported: 'imported, read-only',
};

/** A search over GET /api/v1/incidents?q=… to pick the incident a draft is merged into. */
export function IncidentPicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const results = useApi<Page<Incident>>(q === '' ? null : '/api/v1/incidents', { q, limit: 10 });
  const name = useId();
  return (
    <div className="review-picker">
      <label>
        Search incidents to merge into
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="title or id" />
      </label>
      {q === '' ? (
        <p className="muted">Type part of a title or id. Only incidents added here take a merge; curated and imported ones are read-only.</p>
      ) : (
        <DataView value={results} what="matching incidents">
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">No incident matches “{q}”.</p>
            ) : (
              <fieldset>
                <legend>Target incident</legend>
                {page.items.map((incident) => (
                  <label key={incident.id} className="review-choice">
                    <input type="radio" name={name} value={incident.id} checked={value === incident.id} onChange={() => onChange(incident.id)} />
                    <span>
                      {incident.title} <code>{incident.id}</code> <span className="muted">({PROVENANCE[incident.provenance.origin]})</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            )
          }
        </DataView>
      )}
    </div>
  );
}
