import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumNotice, hasChromium, login, screenshot, setupE2E } from './harness.js';

chromiumNotice('e2e smoke');

describe.skipIf(!hasChromium)('dashboard smoke test in Chromium', () => {
  const e2e = setupE2E();

  it('opens /, signs in as analyst and shows the overview', async () => {
    const server = e2e.server();
    const { page, errors } = await e2e.page();
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
