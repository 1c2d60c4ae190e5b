/**
 * Launch the system Chromium through playwright-core (never a downloaded
 * browser) and serve dist/ on 127.0.0.1 for the browser tests.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { switches } from './switches.ts';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function chromiumPath(): string {
  const candidates = [switches.chromiumPath, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary. Looked in: ' + candidates.join(', '),
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

export interface Site {
  browser: Browser;
  server: StaticServer;
  /** Absolute URL of a path under the site base. */
  url(path?: string): string;
  page(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function openSite(dist = 'dist', base = '/'): Promise<Site> {
  const browser = await launchBrowser();
  const server = await serveStatic(dist, { base });
  return {
    browser,
    server,
    url: (path = '') => server.origin + base + path.replace(/^\/+/, ''),
    page: async ({ width = 1280, height = 900 } = {}) => {
      const context = await browser.newContext({ viewport: { width, height } });
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
