import { useMemo } from 'react';
import { useApi } from '../../api/use-api.js';
import { ChartPanel } from '../../components/chart-panel.js';
import { DataView } from '../../components/data-view.js';
import { useQueryState } from '../../router/use-query-state.js';
import { DateInput } from '../lists/incident-filters.js';
import { UrlSelect } from '../lists/url-input.js';
import { defaultWindow, dyadSeriesOption, dyadSeriesTable, granularityOf, type Dyad, type SignedMark } from './dyad-model.js';
import type { CountSeriesAnswer as SeriesAnswer } from './dyad-types.js';

function SeriesChart({ series, marks, title }: { series: SeriesAnswer; marks: readonly SignedMark[]; title: string }) {
  const option = useMemo(() => dyadSeriesOption(series.periods, marks, title), [series, marks, title]);
  const table = useMemo(() => dyadSeriesTable(series.periods, marks), [series, marks]);
  return (
    <ChartPanel
      title={title}
      option={option}
      table={table}
      description={
        <p className="muted">
          {Math.round(series.total * 100) / 100} incident(s) in the window; dashed lines mark when each agreement was signed.
          {series.spread > 0 ? ` ${series.spread} incident(s) with uncertain dates are spread over the periods they may fall in, so counts can be fractional.` : ''}
        </p>
      }
    />
  );
}

/** Incidents of the dyad per year or quarter (granularity and window in the URL), agreements marked. */
export function DyadSeries({ dyad, marks }: { dyad: Dyad; marks: readonly SignedMark[] }) {
  const query = useQueryState();
  const by = granularityOf(query.get('by'));
  const window = defaultWindow(new Date());
  const from = query.get('from') ?? window.from;
  const to = query.get('to') ?? window.to;
  const series = useApi<SeriesAnswer>('/api/v1/series', { sponsor: dyad.sponsor, victim: dyad.victim, by, from, to });
  return (
    <>
      <form className="filters" aria-label="Chart window" onSubmit={(e) => e.preventDefault()}>
        <UrlSelect name="by" label="Per" anyLabel="year" options={[{ value: 'quarter', label: 'quarter' }]} />
        <DateInput name="from" label={`From (default ${window.from})`} />
        <DateInput name="to" label={`To (default ${window.to})`} />
      </form>
      <DataView value={series} what="the incident series">
        {(data) => <SeriesChart series={data} marks={marks} title={`Incidents ${dyad.sponsor} → ${dyad.victim} per ${by}`} />}
      </DataView>
    </>
  );
}
