import type { FindingContract } from '@pactwatch/domain';

const VALUE_TEXT: Readonly<Record<string, string>> = { true: '✔ holds', false: '✖ does not hold', unknown: '? unknown' };

function factText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => factText(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every check the engine made for one finding, always all of them, with the facts it used. */
export function CheckTrace({ checks }: { checks: FindingContract['checks'] }) {
  return (
    <div className="table-wrap">
      <table className="trace">
        <caption className="sr-only">Check-by-check trace</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Value</th>
            <th scope="col">Reason</th>
            <th scope="col">Facts</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.dimension} data-value={check.value}>
              <th scope="row">{check.dimension}</th>
              <td className={`tri tri-${check.value}`}>{VALUE_TEXT[check.value] ?? check.value}</td>
              <td>{check.reason}</td>
              <td>
                <dl className="trace-facts">
                  {Object.entries(check.facts).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>{factText(value)}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
