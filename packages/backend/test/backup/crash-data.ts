/** A small seeded generator (mulberry32): the same seed gives the same numbers everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['US', 'CN', 'RU', 'GB', 'DE', 'FR', 'IR', 'KP', 'IL', 'UA'] as const;
const ACTIVITIES = ['commercial-espionage', 'political-military-espionage', 'sabotage', 'disruption'] as const;
const CATEGORIES = ['private-sector', 'government', 'critical-infrastructure'] as const;

/** `n` valid incidents with varied sponsors, victims and confidences, so thresholds change verdicts. */
export function crashIncidents(seed: number, n: number): Array<Record<string, unknown>> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const year = 2013 + Math.floor(random() * 10);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const sponsor = pick(STATES);
    let victim = pick(STATES);
    if (victim === sponsor) victim = sponsor === 'US' ? 'CN' : 'US';
    return {
      id: `crash-${String(i).padStart(5, '0')}`,
      title: `Generated incident ${i}`,
      summary: `Generated for the crash-safety test (seed ${seed}).`,
      period: { start: `${year}-${month}` },
      activities: [{ type: pick(ACTIVITIES) }],
      means: ['cyber'],
      attributions: [{ sponsor, relation: 'state-supported', confidence: 10 + Math.floor(random() * 90), basis: 'vendor-report', attributedBy: 'Generator', sources: [] }],
      victims: [{ state: victim, category: pick(CATEGORIES) }],
      sources: [{ publisher: 'Generator', title: `Report ${i}` }],
      provenance: { origin: 'added', note: 'crash-safety fixture' },
    };
  });
}
