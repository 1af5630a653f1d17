import type { TrendReportJson } from '@pactwatch/domain';
import { isFailure } from '../agreement/trend-types.js';

/**
 * The changepoints of a trend report in words: each at its period label (indices count covered
 * periods only), how far from the agreement, and the nearest recorded event.
 */
export function changepointsText(report: TrendReportJson): string {
  const section = report.analysis.changepoints;
  if (section === undefined) return 'Changepoints were not computed.';
  if (isFailure(section)) return `Changepoints could not be computed: ${section.error.message}`;
  if (isFailure(section.pelt)) return `Changepoints could not be computed: ${section.pelt.error.message}`;
  const cps = section.pelt.changepoints;
  if (cps.length === 0) return 'No changepoint was detected (PELT, Poisson cost): the counts show no abrupt shift.';
  const labels = report.series.periods.filter((p) => p.count !== null).map((p) => p.label);
  const breakIndex = report.analysis.breakIndex;
  const described = cps.map((cp) => {
    const distance = cp - breakIndex;
    const when = distance === 0 ? 'at the agreement' : `${Math.abs(distance)} period(s) ${distance < 0 ? 'before' : 'after'} the agreement`;
    const nearest = section.context.find((c) => c.changepointIndex === cp)?.nearestEvents[0];
    const near = nearest === undefined ? '' : `; nearest recorded event: ${nearest.event.label}`;
    return `${labels[cp] ?? `period ${cp}`} (${when}${near})`;
  });
  return `Detected changepoint(s): ${described.join('; ')}.`;
}
