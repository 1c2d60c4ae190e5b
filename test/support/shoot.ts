/**
 * Screenshots of built pages for review: `node --experimental-strip-types
 * test/support/shoot.ts OUT_DIR WIDTH path...` (full-page PNGs).
 */
import { openSite } from './browser.ts';
import { switches } from './switches.ts';

const [outDir = '/tmp', width = '1280', ...pages] = process.argv.slice(2);
const site = await openSite(switches.shootDist);
try {
  const page = await site.page({ width: Number(width), height: 900 });
  for (const path of pages) {
    await page.goto(site.url(path));
    await page.waitForTimeout(400);
    const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    const segments = switches.shootSegments;
    if (segments) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const step = Number(width) < 500 ? 740 : 900;
      for (let i = 0; i < segments && i * step < height; i++) {
        await page.screenshot({ path: `${outDir}/${name}-${width}-${i}.png`, fullPage: true, clip: { x: 0, y: i * step, width: Number(width), height: Math.min(step, height - i * step) } });
      }
    } else {
      await page.screenshot({ path: `${outDir}/${name}-${width}.png`, fullPage: true });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(path, width, 'scrollWidth', overflow);
  }
} finally {
  await site.close();
}
