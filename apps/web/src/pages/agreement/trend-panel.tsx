import type { TrendReportJson } from '@pactwatch/domain';
import { useMemo } from 'react';
import { useApi } from '../../api/use-api.js';
import { ChartPanel } from '../../components/chart-panel.js';
import { DataView } from '../../components/data-view.js';
import { buildTrendChart } from './trend-chart.js';
import { preExistingTrend, rateRatioText, trendVerdict } from './trend-summary.js';

function TrendBody({ report }: { report: TrendReportJson }) {
  const chart = useMemo(() => buildTrendChart(report), [report]);
  const verdict = trendVerdict(report);
  const pre = preExistingTrend(report);
  return (
    <>
      <p>
        <strong>{verdict.label}</strong> <span className="muted">({verdict.detail})</span>
      </p>
      <ChartPanel
        title="Incidents in scope per period, with the no-agreement projection"
        option={chart.option}
        table={chart.table}
        height={340}
        description={
          chart.fitted ? (
            <p className="muted">Bars: observed in-scope incidents per {report.series.granularity}. Line: the fitted interrupted time series. Dashed: the pre-agreement trend carried on past {report.analysis.breakLabel} (what no agreement would predict), shaded with its 95% interval (drawn up to {chart.yMax} on the axis; the table has every value).</p>
          ) : (
            <p className="muted">Bars: observed in-scope incidents per {report.series.granularity}. No interrupted time series could be fitted, so no projection is drawn.</p>
          )
        }
      />
      <dl className="facts">
        <dt>Rate ratio</dt>
        <dd>{rateRatioText(report)}</dd>
        <dt>Pre-existing trend</dt>
        <dd>{pre ?? 'Not estimated: the interrupted time series could not be fitted.'}</dd>
        <dt>Window</dt>
        <dd>
          {report.request.from} to {report.request.to}, by {report.request.by}; {report.series.items} incident(s)
        </dd>
      </dl>
      <h3>Reading</h3>
      <p className="ag-reading">{report.analysis.reading}</p>
    </>
  );
}

/** Did behaviour change after the agreement? The trend endpoint can be slow, so this loads on its own. */
export function TrendPanel({ agreementId }: { agreementId: string }) {
  const trend = useApi<TrendReportJson>(`/api/v1/agreements/${encodeURIComponent(agreementId)}/trend`);
  return (
    <section aria-labelledby="agreement-trend">
      <h2 id="agreement-trend">Did behaviour change? Interrupted time series</h2>
      <DataView value={trend} what="the trend analysis">
        {(report) => <TrendBody report={report} />}
      </DataView>
    </section>
  );
}
