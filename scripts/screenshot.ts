/**
 * npm run screenshot: refresh docs/screenshot.png (home page) and
 * docs/screenshot-mobile.png (an entity page at 360 px) from dist/.
 */
import { openSite } from '../test/support/browser.ts';
import { cli } from './lib/cli.ts';

const { config, positionals } = cli({
  usage: 'npm run screenshot -- [entity id]',
  summary: `Refreshes docs/screenshot.png (home page) and, given an entity id, docs/screenshot-mobile.png
(that entity's page at 360 px) from the built site.`,
  positionals: '[entity id]',
  settings: ['dist'],
  host: true,
});

const site = await openSite(config.dist, config.base);
try {
  const page = await site.page({ width: 1200, height: 800 });
  await page.goto(site.url());
  await page.screenshot({ path: 'docs/screenshot.png' });
  const entity = positionals[0];
  if (entity) {
    const mobile = await site.page({ width: 360, height: 740 });
    await mobile.goto(site.url(`units/${entity}/`));
    await mobile.screenshot({ path: 'docs/screenshot-mobile.png' });
  }
} finally {
  await site.close();
}
