import { ACTIVITY_TYPES, ACTOR_RELATIONS, ATTRIBUTION_BASES, INCIDENT_MEANS, TARGET_CATEGORIES, type Incident, type Source } from '@pactwatch/domain';
import { readEdtf } from '../entry/edtf-input.js';

function labelOf(list: ReadonlyArray<{ readonly id: string; readonly label: string }>, id: string): string {
  return list.find((t) => t.id === id)?.label ?? id;
}

/** An EDTF date as written plus its plain reading ("2016-01/2016-07: sometime between Jan and Jul 2016"). */
export function EdtfText({ value }: { value: string }) {
  const { reading } = readEdtf(value);
  return (
    <span>
      <code>{value}</code>
      {reading !== undefined ? <span className="muted"> ({reading})</span> : null}
    </span>
  );
}

function periodText(incident: Incident): string {
  return incident.period.end === undefined ? incident.period.start : `${incident.period.start}/${incident.period.end}`;
}

export function SourceItem({ source }: { source: Source }) {
  return (
    <li>
      <strong>{source.publisher}</strong>, {source.url !== undefined ? (
        // Sources are third-party sites: no opener access to this page, no referrer leaked.
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {source.date !== undefined ? <> ({source.date})</> : null}
      {source.quote !== undefined ? <blockquote>“{source.quote}”{source.quoteStatus !== undefined ? <span className="muted"> ({source.quoteStatus})</span> : null}</blockquote> : null}
    </li>
  );
}

/** The record itself: what happened, when, to whom, attributed by whom and how surely, and the sources. */
export function IncidentDetails({ incident }: { incident: Incident }) {
  return (
    <>
      <p>{incident.summary}</p>
      <dl className="facts">
        <dt>Period</dt>
        <dd>
          <EdtfText value={periodText(incident)} />
        </dd>
        <dt>Disclosed</dt>
        <dd>{incident.disclosed !== undefined ? <EdtfText value={incident.disclosed} /> : <span className="muted">not recorded</span>}</dd>
        <dt>Activities</dt>
        <dd>{incident.activities.length === 0 ? <span className="muted">none recorded</span> : incident.activities.map((a) => `${labelOf(ACTIVITY_TYPES.list, a.type)}${a.certainty === 'possible' ? ' (possible)' : ''}`).join('; ')}</dd>
        <dt>Means</dt>
        <dd>{incident.means.length === 0 ? <span className="muted">not recorded</span> : incident.means.map((m) => labelOf(INCIDENT_MEANS.list, m)).join(', ')}</dd>
        <dt>Target categories</dt>
        <dd>{[...new Set(incident.victims.map((v) => (v.category === undefined ? 'not recorded' : labelOf(TARGET_CATEGORIES.list, v.category))))].join(', ')}</dd>
      </dl>

      <h2>Attributions</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Sponsor</th>
              <th scope="col">Actor</th>
              <th scope="col">Relation</th>
              <th scope="col">Confidence</th>
              <th scope="col">Basis</th>
              <th scope="col">Attributed by</th>
            </tr>
          </thead>
          <tbody>
            {incident.attributions.map((a, i) => (
              <tr key={`${a.sponsor}-${i}`}>
                <td>{a.sponsor}</td>
                <td>{a.actorName ?? a.actor ?? <span className="muted">not named</span>}</td>
                <td>{labelOf(ACTOR_RELATIONS.list, a.relation)}</td>
                <td>{a.confidence}</td>
                <td>{labelOf(ATTRIBUTION_BASES.list, a.basis)}</td>
                <td>{a.attributedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Victims</h2>
      <ul>
        {incident.victims.map((v, i) => (
          <li key={`${v.state}-${i}`}>
            <strong>{v.state}</strong>
            {v.category !== undefined ? `: ${labelOf(TARGET_CATEGORIES.list, v.category)}` : ''}
            {v.sector !== undefined ? `, ${v.sector}` : ''}
            {v.entity !== undefined ? ` (${v.entity})` : ''}
          </li>
        ))}
      </ul>

      <h2>Sources</h2>
      <ul className="sources">
        {incident.sources.map((s, i) => (
          <SourceItem key={`${s.publisher}-${i}`} source={s} />
        ))}
      </ul>
    </>
  );
}
