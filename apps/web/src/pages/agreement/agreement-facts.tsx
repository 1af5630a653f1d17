import type { Agreement, Commitment, Direction, Party } from '@pactwatch/domain';

export function partyText(party: Party): string {
  return 'state' in party ? party.state : `${party.group} (group)`;
}

export function directionText(direction: Direction): string {
  if (direction === 'mutual') return 'mutual: every party toward every other';
  return `one-sided: ${direction.bound.join(', ')} bound${direction.protected === undefined ? '' : ` toward ${direction.protected.join(', ')}`}`;
}

type Source = Agreement['sources'][number];

function SourceLink({ source }: { source: Source }) {
  const label = `${source.publisher}: ${source.title}${source.date === undefined ? '' : ` (${source.date})`}`;
  return source.url === undefined ? <span>{label}</span> : <a href={source.url} rel="noreferrer noopener" target="_blank">{label}</a>;
}

/** Parties, dates and status: what the agreement is, before anything is judged against it. */
export function AgreementFacts({ agreement }: { agreement: Agreement }) {
  return (
    <section aria-labelledby="agreement-facts">
      <h2 id="agreement-facts">About the agreement</h2>
      <dl className="facts">
        <dt>Parties</dt>
        <dd>{agreement.parties.map(partyText).join(', ')}</dd>
        <dt>Kind</dt>
        <dd>{agreement.kind}</dd>
        <dt>Signed</dt>
        <dd>{agreement.signed}</dd>
        <dt>In force</dt>
        <dd>{agreement.inForce ?? 'not recorded (judged from the signing date)'}</dd>
        {agreement.ended === undefined ? null : (
          <>
            <dt>Ended</dt>
            <dd>{agreement.ended}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{agreement.status}</dd>
      </dl>
      <p>{agreement.summary}</p>
      <details>
        <summary>Sources ({agreement.sources.length})</summary>
        <ul>
          {agreement.sources.map((s, i) => (
            <li key={i}>
              <SourceLink source={s} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function CommitmentItem({ commitment }: { commitment: Commitment }) {
  const scope = commitment.scope;
  return (
    <li className="ag-commitment">
      <h3>{commitment.title}</h3>
      <p className="muted">
        <code>{commitment.id}</code> · obligation: {commitment.obligation}
      </p>
      <blockquote cite={commitment.source.url}>{commitment.text}</blockquote>
      <p>
        Source: <SourceLink source={commitment.source} />
        {commitment.source.quoteStatus === undefined ? null : <span className="muted"> · quote {commitment.source.quoteStatus}</span>}
      </p>
      {scope === undefined ? (
        <p className="muted">No scope: this commitment is judged against recorded events, not incidents.</p>
      ) : (
        <dl className="facts">
          <dt>Activity</dt>
          <dd>{scope.activities.join(', ')}</dd>
          <dt>Targets</dt>
          <dd>{scope.targets.join(', ')}</dd>
          <dt>Means</dt>
          <dd>{scope.means}</dd>
          <dt>Actor</dt>
          <dd>{scope.actor}</dd>
          <dt>Direction</dt>
          <dd>{directionText(scope.direction)}</dd>
          <dt>Why coded so</dt>
          <dd>{scope.rationale}</dd>
        </dl>
      )}
    </li>
  );
}

/** Every commitment with its quoted text, its source and its coded scope. */
export function CommitmentList({ commitments }: { commitments: readonly Commitment[] }) {
  return (
    <section aria-labelledby="agreement-commitments">
      <h2 id="agreement-commitments">Commitments ({commitments.length})</h2>
      {commitments.length === 0 ? <p className="muted">No commitments recorded.</p> : null}
      <ul className="ag-commitments">
        {commitments.map((c) => (
          <CommitmentItem key={c.id} commitment={c} />
        ))}
      </ul>
    </section>
  );
}
