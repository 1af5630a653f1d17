import { describe, expect, it } from 'vitest';
import { resolveActivities } from '../../src/imports/tabular/records/activity-rules.js';
import { eurepocNested, eurepocPositional, eurepocValues } from '../../src/imports/tabular/values/multi-value.js';
import { parsePythonList } from '../../src/imports/tabular/values/python-list.js';
import { resolveStateNames, splitCountryNames } from '../../src/imports/tabular/values/state-names.js';
import { excelSerialToDay, parseTabularDate } from '../../src/imports/tabular/values/tabular-dates.js';
import { dateCellText } from '../../src/imports/tabular/read/cell-text.js';

describe('tabular value readers', () => {
  it('reads Python list literals as EuRepoC 1.1 writes them, and ";" lists as 1.3 does', () => {
    expect(parsePythonList(`['Iran, Islamic Republic of', "Korea, Democratic People's Republic of"]`)).toEqual(['Iran, Islamic Republic of', "Korea, Democratic People's Republic of"]);
    expect(parsePythonList("['https://a.example/x\\xa0\\xa0https://b.example/y']")).toEqual(['https://a.example/x\u00a0\u00a0https://b.example/y']);
    expect(eurepocNested("[['ASIA', 'SCS'], [], ['EU', '']]")).toEqual([['ASIA', 'SCS'], [], ['EU', '']]);
    expect(parsePythonList('[unclosed')).toBeUndefined();
    expect(eurepocValues('[broken, not a list')).toEqual(['[broken, not a list']);
    expect(eurepocValues('Data theft; Hijacking with Misuse')).toEqual(['Data theft', 'Hijacking with Misuse']);
    expect(eurepocPositional('State;;Media')).toEqual(['State', '', 'Media']);
  });

  it('reads dates in the declared format, always accepting ISO, and never accepts an impossible day', () => {
    expect(parseTabularDate('1/20/2022', 'mm/dd/yyyy')).toEqual({ ok: true, edtf: '2022-01-20' });
    expect(parseTabularDate('20.01.2022', 'dd.mm.yyyy')).toEqual({ ok: true, edtf: '2022-01-20' });
    expect(parseTabularDate('2022-01', 'dd.mm.yyyy')).toEqual({ ok: true, edtf: '2022-01' });
    expect(parseTabularDate('3/4/98', 'dd/mm/yyyy')).toEqual({ ok: true, edtf: '1998-04-03' });
    expect(parseTabularDate('2/30/2022', 'mm/dd/yyyy')).toMatchObject({ ok: false });
    expect(parseTabularDate('2015~', 'edtf')).toEqual({ ok: true, edtf: '2015~' });
    expect(parseTabularDate('39479', 'excel-serial')).toEqual({ ok: true, edtf: '2008-02-01' });
    expect(excelSerialToDay(39479.999999)).toBe('2008-02-02');
    expect(dateCellText(new Date('2008-02-01T00:14:24Z'))).toBe('2008-02-01T00:14');
    expect(dateCellText(new Date('2008-01-31T23:59:59.990Z'))).toBe('2008-02-01');
  });

  it('keeps ISO-style country names with commas whole, and separates non-answers from unknown names', () => {
    expect(splitCountryNames('Korea, Republic of, China, Atlantis', ',')).toEqual(['Korea, Republic of', 'China', 'Atlantis']);
    const resolved = resolveStateNames(['Korea, Republic of', 'Unknown', 'Atlantis', 'European Union', 'Bank of America'], 'victim');
    expect(resolved.codes).toEqual(['KR', 'US']);
    expect(resolved.unresolved).toEqual(['Atlantis']);
    expect(resolved.nonAnswers).toEqual(['Unknown', 'European Union']);
  });

  it('reads the purpose of espionage from the targets', () => {
    const espionage = [{ activity: 'espionage' as const }];
    expect(resolveActivities(espionage, ['government'])).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }]);
    expect(resolveActivities(espionage, ['private-sector'])).toEqual([{ type: 'commercial-espionage', certainty: 'possible' }]);
    expect(resolveActivities(espionage, [])).toEqual([{ type: 'political-military-espionage', certainty: 'possible' }, { type: 'commercial-espionage', certainty: 'possible' }]);
    expect(resolveActivities([...espionage, { activity: 'political-military-espionage', certainty: 'possible' }], ['military'])).toEqual([{ type: 'political-military-espionage', certainty: 'confirmed' }]);
  });
});
