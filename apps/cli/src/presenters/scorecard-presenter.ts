import { VERDICTS, type Scorecard } from '@pactwatch/domain';
import { verdictStyle } from './finding-presenter.js';
import type { Colors } from './output.js';

/** A scorecard for people: counts by verdict, incidents behind each, gaps, cooperation. */
export function scorecardText(card: Scorecard, colors: Colors): string {
  const lines = [colors.bold(`${card.title} (${card.agreementId}, signed ${card.signed})`)];
  const counts = VERDICTS.map((v) => `${verdictStyle(colors, v)} ${card.counts[v]}`).join('   ');
  lines.push(`  incidents by verdict: ${counts}`);
  if (card.overrides > 0) {
    lines.push(`  with ${card.overrides} analyst override(s): ${VERDICTS.map((v) => `${v} ${card.countsWithOverrides[v]}`).join('   ')}`);
  }
  for (const verdict of VERDICTS) {
    const ids = card.incidents[verdict];
    if (ids.length > 0) lines.push(`    ${verdict}: ${ids.join(', ')}`);
  }
  if (card.gaps.length > 0) {
    lines.push('  gaps (outside scope, by the dimension that excluded them):');
    for (const gap of card.gaps) lines.push(`    ${gap.dimension}: ${gap.count} — ${gap.incidents.join(', ')}`);
  }
  if (card.cooperation.length > 0) {
    lines.push('  cooperation commitments:');
    for (const c of card.cooperation) {
      lines.push(`    ${c.commitmentId} [${c.obligation}]: ${c.status}${c.reasons.length === 0 ? '' : ` — ${c.reasons.join('; ')}`}`);
    }
  }
  if (Object.values(card.counts).every((n) => n === 0) && card.cooperation.length === 0) lines.push('  no incidents fall under this agreement\'s parties yet');
  return `${lines.join('\n')}\n`;
}

export function scorecardsText(cards: readonly Scorecard[], colors: Colors): string {
  if (cards.length === 0) return 'No agreements loaded. Run `pactwatch init`.\n';
  return cards.map((c) => scorecardText(c, colors)).join('\n');
}
