/**
 * npm run screenshot: refresh docs/screenshot.png (home page) and
 * docs/screenshot-mobile.png (an entity page at 360 px) from dist/.
 */
import { openSite } from '../src/bench/browser.ts';

const site = await openSite();
try {
  const page = await site.page({ width: 1200, height: 800 });
  await page.goto(site.url());
  await page.screenshot({ path: 'docs/screenshot.png' });
  const entity = process.argv[2];
  if (entity) {
    const mobile = await site.page({ width: 360, height: 740 });
    await mobile.goto(site.url(`units/${entity}/`));
    await mobile.screenshot({ path: 'docs/screenshot-mobile.png' });
  }
} finally {
  await site.close();
}
