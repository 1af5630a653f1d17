import { ACTIVITY_TYPES, ATTRIBUTION_BASES, TARGET_CATEGORIES, describeEdtf, describePeriod, type Incident } from '@pactwatch/domain';

const ACTIVITY_LABEL = new Map<string, string>(ACTIVITY_TYPES.list.map((t) => [t.id, t.label]));
const CATEGORY_LABEL = new Map<string, string>(TARGET_CATEGORIES.list.map((t) => [t.id, t.label]));
const BASIS_LABEL = new Map<string, string>(ATTRIBUTION_BASES.list.map((t) => [t.id, t.label]));

/** The incident a draft proposes, as a reviewer needs it to decide: who, against whom, what, when, and on what sources. */
export function ProposedIncident({ record }: { record: Incident }) {
  const periodEdtf = record.period.end === undefined ? record.period.start : `${record.period.start}/${record.period.end}`;
  return (
    <>
      <p>{record.summary}</p>
      <dl className="facts">
        <dt>Proposed id</dt>
        <dd>
          <code>{record.id}</code>
        </dd>
        <dt>Period</dt>
        <dd>
          {describePeriod(record.period)} <span className="muted">(EDTF <code>{periodEdtf}</code>)</span>
        </dd>
        <dt>Sponsors</dt>
        <dd>
          <ul className="review-plain">
            {record.attributions.map((a, i) => (
              <li key={`${a.sponsor}-${i}`}>
                <strong>{a.sponsor}</strong>
                {a.actorName !== undefined ? ` (${a.actorName})` : a.actor !== undefined ? ` (${a.actor})` : ''} — confidence {a.confidence}/100, {BASIS_LABEL.get(a.basis) ?? a.basis}, attributed by {a.attributedBy}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Victims</dt>
        <dd>
          <ul className="review-plain">
            {record.victims.map((v, i) => (
              <li key={`${v.state}-${i}`}>
                <strong>{v.state}</strong>
                {v.category !== undefined ? ` — ${CATEGORY_LABEL.get(v.category) ?? v.category}` : ''}
                {v.sector !== undefined ? `, ${v.sector}` : ''}
                {v.entity !== undefined ? `: ${v.entity}` : ''}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Activity</dt>
        <dd>
          {record.activities.length === 0
            ? 'none stated'
            : record.activities.map((a) => `${ACTIVITY_LABEL.get(a.type) ?? a.type}${a.certainty === 'possible' ? ' (possible)' : ''}`).join('; ')}
        </dd>
        <dt>Sources</dt>
        <dd>
          <ul className="review-plain">
            {record.sources.map((s, i) => (
              <li key={`${s.title}-${i}`}>
                {s.url !== undefined ? (
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}{' '}
                <span className="muted">
                  — {s.publisher}
                  {s.date !== undefined ? `, ${describeEdtf(s.date)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}
