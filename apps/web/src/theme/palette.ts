import type { Verdict } from '@pactwatch/domain';

/**
 * Verdict colours from the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies; every use also prints the verdict's name or symbol, so colour is never the only cue.
 */
export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = {
  breach: '#D55E00',
  'possible-breach': '#E69F00',
  'outside-scope': '#0072B2',
  'before-in-force': '#999999',
};

/** Text colour that stays readable (WCAG AA) on each verdict colour. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  breach: '#000000',
  'possible-breach': '#000000',
  'outside-scope': '#FFFFFF',
  'before-in-force': '#000000',
};

export const VERDICT_SYMBOLS: Readonly<Record<Verdict, string>> = {
  breach: '✖',
  'possible-breach': '◆',
  'outside-scope': '○',
  'before-in-force': '◷',
};

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  breach: 'Breach',
  'possible-breach': 'Possible breach',
  'outside-scope': 'Outside scope (gap)',
  'before-in-force': 'Before in force',
};

/** Series colours for charts (Okabe–Ito, in order). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;
