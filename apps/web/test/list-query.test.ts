import { describe, expect, it } from 'vitest';
import { activitiesOf, bestConfidence, describePeriod, sponsorsOf } from '../src/pages/lists/incident-summary.js';
import { ariaSortOf, exportHref, filterQuery, INCIDENT_FILTERS, listApiQuery, nextSort } from '../src/pages/lists/list-query.js';
import { OPM } from './list-fixtures.js';

describe('list query helpers', () => {
  it('keeps only known, non-empty filters and adds sort, cursor and the page size', () => {
    const params = new URLSearchParams('victim=US&sponsor=CN&bogus=1&q=%20&cursor=c&sort=id');
    expect(listApiQuery(params, INCIDENT_FILTERS)).toEqual({ sponsor: 'CN', victim: 'US', sort: 'id', cursor: 'c', limit: 50 });
    expect(filterQuery(params, INCIDENT_FILTERS)).toEqual({ sponsor: 'CN', victim: 'US' });
  });

  it('toggles a column ascending, then descending; the default sort is written as absent', () => {
    expect(ariaSortOf(undefined, 'start', 'start')).toBe('ascending');
    expect(ariaSortOf('-start', 'start', 'start')).toBe('descending');
    expect(ariaSortOf('id', 'start', 'start')).toBe('none');
    expect(nextSort(undefined, 'start', 'start')).toBe('-start');
    expect(nextSort('-start', 'start', 'start')).toBeNull();
    expect(nextSort(undefined, 'id', 'start')).toBe('id');
    expect(nextSort('id', 'id', 'start')).toBe('-id');
    expect(nextSort('-id', 'id', 'start')).toBe('id');
  });

  it('builds export URLs with the filters', () => {
    expect(exportHref('csv', { sponsor: 'CN', minConfidence: '50' })).toBe('/api/v1/exports/csv?sponsor=CN&minConfidence=50');
    expect(exportHref('stix', {})).toBe('/api/v1/exports/stix');
  });
});

describe('incident row summaries', () => {
  it('describes periods in words', () => {
    expect(describePeriod({ start: '2015-09' })).toBe('Sep 2015');
    expect(describePeriod({ start: '2015-09', end: '2015-09' })).toBe('Sep 2015');
    expect(describePeriod({ start: '2014', end: '..' })).toBe('from 2014, still ongoing');
    expect(describePeriod({ start: '2014-03', end: '2015-04' })).toBe('from Mar 2014 to Apr 2015');
    expect(describePeriod({ start: 'not a date' })).toBe('not a date');
  });

  it('lists distinct sponsors, the best confidence and the activities', () => {
    expect(sponsorsOf(OPM)).toEqual(['CN']);
    expect(bestConfidence(OPM)).toBe(85);
    expect(bestConfidence({ ...OPM, attributions: [] })).toBeNull();
    expect(activitiesOf({ ...OPM, activities: [{ type: 'sabotage', certainty: 'possible' }] })).toEqual(['Sabotage / destructive (possible)']);
  });
});
