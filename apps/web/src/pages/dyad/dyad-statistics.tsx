import type { TrendReportJson } from '@pactwatch/domain';
import { preExistingTrend, rateRatioText, trendVerdict } from '../agreement/trend-summary.js';
import { isFailure } from '../agreement/trend-types.js';
import { Link } from '../../router/router.js';
import type { DyadAgreement } from './dyad-types.js';
import { changepointsText } from './trend-changepoints.js';

function levelChangeText(report: TrendReportJson): string {
  const verdict = trendVerdict(report);
  if (verdict.measure === 'its-level') return `${verdict.label}: ${verdict.detail}.`;
  const its = report.analysis.its;
  if (its === undefined) return 'The interrupted time series was not computed.';
  return isFailure(its) ? `The interrupted time series could not be fitted: ${its.error.message}` : 'The fit has no level term.';
}

function TrendReading({ report }: { report: TrendReportJson }) {
  return (
    <>
      <p className="dyad-reading">{report.analysis.reading}</p>
      <dl className="facts">
        <dt>Rate ratio (after / before)</dt>
        <dd>{rateRatioText(report)}</dd>
        <dt>Level change (interrupted time series)</dt>
        <dd>{levelChangeText(report)}</dd>
        <dt>Pre-existing trend</dt>
        <dd>{preExistingTrend(report) ?? 'Not estimated: the interrupted time series could not be fitted, so a change cannot be judged against the trend already under way.'}</dd>
        <dt>Changepoints</dt>
        <dd>{changepointsText(report)}</dd>
        <dt>Window</dt>
        <dd>
          {report.request.from} to {report.request.to} by {report.request.by}, break at {report.analysis.breakLabel}; {report.series.items} incident(s) within the agreement's scope
        </dd>
      </dl>
    </>
  );
}

/**
 * One agreement's trend statistics with their plain reading, or why they are missing. The
 * analysis covers every incident within the agreement's scope (all its parties), not only this dyad.
 */
export function AgreementTrend({ agreement }: { agreement: DyadAgreement }) {
  const { report, error } = agreement.trend;
  return (
    <article className="card dyad-trend" aria-labelledby={`trend-${agreement.id}`}>
      <h3 id={`trend-${agreement.id}`}>
        <Link to={`/agreements/${encodeURIComponent(agreement.id)}`}>{agreement.title}</Link>
      </h3>
      {report !== null ? (
        <TrendReading report={report} />
      ) : (
        <div role="alert" className="notice notice-error">
          <p>
            The statistics could not be computed: {error?.message ?? 'no report'} {error !== null ? <code>{error.code}</code> : null}
          </p>
        </div>
      )}
      <p className="muted small">
        {agreement.trend.source === 'cache' ? 'From the statistics refreshed' : 'Computed'} {new Date(agreement.trend.computedAt).toLocaleString()}.
      </p>
    </article>
  );
}
