import { expect, it, describe } from 'vitest';
import { chromiumNotice, hasChromium, login, screenshot, setupE2E } from './harness.js';

chromiumNotice('e2e analyst journey');

// The scenario, in one browser against `pactwatch serve` on a fresh store: an analyst
// checks the US–China accord, records an incident through the form, sees it judged with a trace,
// overrides the verdict with a note; a viewer then sees the same pages without edit controls.
describe.skipIf(!hasChromium)('analyst journey in Chromium', () => {
  const e2e = setupE2E();

  it('finds OPM outside scope on targets, adds an incident, sees its finding and trace, overrides it; a viewer sees no edit controls', async () => {
    const server = e2e.server();
    const { page, errors } = await e2e.page();
    await login(page, server, server.analyst);

    // The US–China agreement: the OPM breach is a gap, excluded on targets (a government victim).
    await page.goto(`${server.url}/agreements/us-cn-2015`);
    await page.getByRole('heading', { level: 2, name: /Gaps: incidents outside scope/ }).waitFor();
    const opm = page.locator('section[aria-labelledby="agreement-gaps"] tr[data-incident="cn-us-opm-2015"]').first();
    await opm.waitFor();
    expect(await opm.innerText()).toMatch(/targets/);
    await screenshot(page, 'journey-1-agreement-us-cn-2015');

    // A new incident through the form: the minimum a breach of the accord needs.
    await page.goto(`${server.url}/incidents/new`);
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Theft of wind-turbine designs from a US manufacturer');
    await page.getByLabel('Summary').fill('Intruders took turbine blade designs and bid documents from a US manufacturer.');
    await page.getByLabel('Start date (EDTF)').fill('2017-03');
    await page.getByText(/March 2017|Mar 2017/).first().waitFor();
    await page.getByRole('checkbox', { name: 'Commercial espionage' }).check();
    await page.getByRole('group', { name: 'Means' }).getByRole('checkbox', { name: 'Cyber' }).check();
    await page.getByRole('combobox', { name: 'Sponsor' }).fill('China');
    await page.getByRole('option', { name: /China/ }).first().click();
    await page.getByLabel('Relation to the state').selectOption({ label: 'State organ' });
    await page.getByLabel('Confidence').fill('85');
    await page.getByLabel('Attributed by').fill('FBI');
    await page.getByRole('combobox', { name: 'Victim' }).fill('United States');
    await page.getByRole('option', { name: /United States/ }).first().click();
    await page.getByLabel('Target category').selectOption({ label: 'Private sector' });
    await page.getByLabel('Publisher').fill('Example Wire');
    await page.getByLabel('Source title').fill('US charges hackers over turbine designs');
    await page.getByLabel('Link (URL)').fill('https://news.example/turbines');
    await screenshot(page, 'journey-2-incident-form');
    await page.getByRole('button', { name: 'Save incident' }).click();

    // Its page: judged at once against the accord, with the check-by-check trace.
    await page.waitForURL(/\/incidents\/(?!new)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Theft of wind-turbine designs from a US manufacturer' }).waitFor();
    const finding = page.locator('article.finding').filter({ has: page.locator('a[href="/agreements/us-cn-2015"]') }).first();
    await finding.waitFor();
    expect(await finding.locator('.badge').first().innerText()).toMatch(/Breach/);
    await finding.locator('details > summary', { hasText: 'Check-by-check trace' }).click();
    const trace = await finding.locator('details').innerText();
    expect(trace).toMatch(/activity/i);
    expect(trace).toMatch(/target/i);
    await screenshot(page, 'journey-3-incident-finding-trace');

    // Override with a note: the page shows the analyst's verdict beside the computed one.
    await finding.getByRole('button', { name: 'Override verdict' }).click();
    await finding.getByLabel('Verdict', { exact: true }).selectOption({ label: 'Possible breach' });
    await finding.getByLabel('Note', { exact: true }).fill('A single vendor report; waiting for a second source.');
    await finding.getByRole('button', { name: 'Save override' }).click();
    const note = finding.locator('.override-note', { hasText: 'A single vendor report; waiting for a second source.' });
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Overridden by\s+ana/);
    expect(await finding.locator('.badge').first().innerText()).toMatch(/Possible breach/);
    await screenshot(page, 'journey-4-override');
    const incidentUrl = page.url();

    // A viewer: the same pages, no edit controls anywhere.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login(page, server, server.viewer);
    await page.goto(incidentUrl);
    await page.getByRole('heading', { level: 2, name: 'Findings' }).waitFor();
    await page.getByText('A single vendor report; waiting for a second source.').waitFor();
    for (const name of ['Override verdict', 'Remove override', 'Edit incident', 'Delete incident', 'Add attribution', 'Add source']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
      expect(await page.getByRole('link', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('link', { name: 'New incident' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Review' }).count()).toBe(0);
    await screenshot(page, 'journey-5-viewer-incident');
    await page.goto(`${server.url}/agreements/us-cn-2015`);
    await page.getByRole('heading', { level: 2, name: /Gaps: incidents outside scope/ }).waitFor();
    expect(await page.getByRole('link', { name: /Edit agreement/ }).count()).toBe(0);
    await screenshot(page, 'journey-6-viewer-agreement');
    expect(errors).toEqual([]);
  });
});
