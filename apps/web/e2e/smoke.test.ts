import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumNotice, hasChromium, launchBrowser, login, screenshot, startServer, type Browser, type Server } from './harness.js';

chromiumNotice('e2e smoke');

describe.skipIf(!hasChromium)('dashboard smoke test in Chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens /, signs in as analyst and shows the overview', async () => {
    if (server === undefined || browser === undefined) throw new Error('setup failed');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.getByLabel('Username').waitFor();
    await login(page, server, server.analyst);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.getByRole('link', { name: 'Review' }).isVisible()).toBe(true);
    const path = await screenshot(page, 'smoke-overview-analyst');
    expect(existsSync(path)).toBe(true);
    expect(errors).toEqual([]);
  });
});
