import type { Verdict } from '@pactwatch/domain';
import { VERDICT_COLOURS, VERDICT_LABELS, VERDICT_SYMBOLS, VERDICT_TEXT } from '../theme/palette.js';

/** A verdict as colour plus symbol plus words: readable without colour vision. */
export function VerdictBadge({ verdict, overridden = false }: { verdict: Verdict; overridden?: boolean }) {
  return (
    <span className="badge" data-verdict={verdict} style={{ background: VERDICT_COLOURS[verdict], color: VERDICT_TEXT[verdict] }}>
      <span aria-hidden="true">{VERDICT_SYMBOLS[verdict]} </span>
      {VERDICT_LABELS[verdict]}
      {overridden ? <span title="set by an analyst's override"> (override)</span> : null}
    </span>
  );
}
