import type { ContextEvent, FindingContract } from '@pactwatch/domain';
import { useMemo } from 'react';
import { ChartPanel } from '../../components/chart-panel.js';
import { useRouter } from '../../router/router.js';
import { buildTimeline } from './timeline.js';

function incidentOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const data = (params as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const incident = (data as { incident?: unknown }).incident;
  return typeof incident === 'string' ? incident : undefined;
}

/** In-scope incidents before and after the agreement, with context events on their own row. */
export function TimelinePanel({ findings, events, effective }: { findings: readonly FindingContract[]; events: readonly ContextEvent[]; effective: string }) {
  const { navigate } = useRouter();
  const chart = useMemo(() => buildTimeline(findings, events, effective), [findings, events, effective]);
  const onEvent = useMemo(
    () => ({
      name: 'click',
      handler: (params: unknown) => {
        const incident = incidentOf(params);
        if (incident !== undefined) navigate(`/incidents/${encodeURIComponent(incident)}`);
      },
    }),
    [navigate],
  );
  const before = chart.points.filter((p) => p.side === 'before').length;
  return (
    <section aria-labelledby="agreement-timeline">
      <h2 id="agreement-timeline">Timeline</h2>
      <p>
        {chart.points.length} in-scope incident(s): {before} before and {chart.points.length - before} after the agreement took effect ({effective}); {events.length} context event(s).
      </p>
      <ChartPanel title="In-scope incidents and context events over time" option={chart.option} table={chart.table} height={300} onEvent={onEvent} />
    </section>
  );
}
