import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumNotice, hasChromium, login, screenshot, setupE2E } from './harness.js';

chromiumNotice('e2e pages tour');

/** True when nothing makes the page wider than the window (tables scroll inside their own box). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

/** Waits until no "Loading …" status is left on the page. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 90_000 });
}

// Every page at 1280×720 and at phone width, with a screenshot of each; shareable URLs, back and
// forward, the keyboard skip link, and chart table alternatives, in the real browser.
describe.skipIf(!hasChromium)('dashboard pages in Chromium', () => {
  const e2e = setupE2E();

  it('shows every page readable at 1280×720 and 390 px wide, without errors', async () => {
    const server = e2e.server();
    const { page, errors } = await e2e.page();
    await login(page, server, server.analyst);
    const pages: ReadonlyArray<[string, string, RegExp]> = [
      ['overview', '/', /Overview/],
      ['agreements', '/agreements', /Agreements/],
      ['agreement', '/agreements/us-cn-2015', /./],
      ['incidents', '/incidents?sponsor=CN', /Incidents/],
      ['incident', '/incidents/cn-us-opm-2015', /./],
      ['dyad', '/dyads/CN-US', /CN|China/],
      ['review', '/review', /Review queue/],
      ['incident-form', '/incidents/new', /incident/i],
    ];
    for (const [width, height, suffix] of [
      [1280, 720, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, path, heading] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
        await settled(page);
        expect(await page.locator('[role="alert"]').count(), `${name}: an error is shown`).toBe(0);
        expect(await fitsWidth(page), `${name} at ${width} px is wider than the window`).toBe(true);
        await screenshot(page, `page-${name}-${suffix}`);
      }
    }
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('restores a filtered list from its URL, steps back and forward through filter changes, and exports the selection', async () => {
    const server = e2e.server();
    const { page, errors } = await e2e.page();
    await login(page, server, server.viewer);
    await page.goto(`${server.url}/incidents?sponsor=CN&victim=US`);
    await settled(page);
    expect(await page.getByLabel('Sponsor', { exact: true }).inputValue()).toBe('CN');
    const rows = await page.locator('main table tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    const csv = page.getByRole('link', { name: /CSV/ });
    expect(await csv.getAttribute('href')).toMatch(/\/api\/v1\/exports\/csv\?.*sponsor=CN.*victim=US|\/api\/v1\/exports\/csv\?.*victim=US.*sponsor=CN/);

    // The router changes the URL with pushState: wait on location, not on a page load.
    const searchHas = (text: string) => page.waitForFunction((t) => window.location.search.includes(t), text);
    await page.getByLabel('Victim', { exact: true }).fill('GB');
    await page.getByLabel('Victim', { exact: true }).press('Enter');
    await searchHas('victim=GB');
    await page.goBack();
    await searchHas('victim=US');
    await expect.poll(() => page.getByLabel('Victim', { exact: true }).inputValue()).toBe('US');
    await page.goForward();
    await searchHas('victim=GB');

    // The export link downloads the selection with the viewer's session.
    const response = await page.request.get(`${server.url}/api/v1/exports/csv?sponsor=CN&victim=US`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('cn-us-opm-2015');
    expect(errors).toEqual([]);
  });

  it('is keyboard navigable from the skip link, and charts offer a table alternative', async () => {
    const server = e2e.server();
    const { page, errors } = await e2e.page();
    await login(page, server, server.viewer);
    await page.goto(`${server.url}/agreements/us-cn-2015`);
    await settled(page);
    // The charts come after the page's data; wait for them, and if they never come say what the page shows.
    await page
      .locator('figure.chart-panel')
      .first()
      .waitFor({ timeout: 90_000 })
      .catch(async (error: unknown) => {
        const shown = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 600) ?? '(no main)');
        throw new Error(`no chart on the agreement page after 90 s; the page shows: ${shown}`, { cause: error });
      });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const chart = page.locator('figure.chart-panel').first();
    await chart.getByRole('button', { name: 'Show table' }).click();
    expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'agreement-chart-table');
    expect(errors).toEqual([]);
  });
});
