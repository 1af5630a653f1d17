import { allStates, findStateCode, getState, resolveCowCode, resolveMetonym, resolveStateCode } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

describe('country registry', () => {
  it('resolves the aliases analysts meet in catalogues', () => {
    const cases: Array<[string, string]> = [
      ['U.S.', 'US'],
      ['United States of America', 'US'],
      ['PRC', 'CN'],
      ["People's Republic of China", 'CN'],
      ['Iran (Islamic Republic of)', 'IR'],
      ['N Korea', 'KP'],
      ["Korea (Democratic People's Republic of)", 'KP'],
      ['Russian Federation', 'RU'],
      ['UK', 'GB'],
      ['Türkiye', 'TR'],
      ['the Netherlands', 'NL'],
      ['cn', 'CN'],
      ['DEU', 'DE'],
    ];
    for (const [input, code] of cases) expect(findStateCode(input), input).toBe(code);
  });

  it('resolves Correlates-of-War codes without confusing them with ISO alpha-3', () => {
    expect(resolveCowCode(710)).toBe('CN');
    expect(resolveCowCode('365')).toBe('RU');
    expect(resolveCowCode(2)).toBe('US');
    expect(resolveCowCode('AUS')).toBe('AT');
    expect(findStateCode('AUS')).toBe('AU');
    expect(getState('CN')?.cowCode).toBe(710);
  });

  it('keeps metonyms apart from names', () => {
    expect(findStateCode('Beijing')).toBeUndefined();
    expect(resolveMetonym('Beijing')).toBe('CN');
  });

  it('covers the ISO table and names states by their short form', () => {
    expect(allStates().length).toBeGreaterThanOrEqual(249);
    expect(getState('RU')?.name).toBe('Russia');
    expect(getState('US')?.name).toBe('United States');
    expect(getState('XK')?.name).toBe('Kosovo');
  });

  it('fails clearly on an unknown name', () => {
    expect(() => resolveStateCode('Atlantis')).toThrow(/Atlantis/);
    expect(findStateCode('')).toBeUndefined();
  });
});
