/**
 * npm run screenshot: pictures of the built site (dist/).
 *
 *   npm run screenshot                      docs/screenshot.png (home page, 1200 px)
 *   npm run screenshot -- --out docs/screenshots/after [--widths 360,1280] [--full] [name=path …]
 *
 * With --out, each named page is taken at each width into <out>/<name>-<width>.png;
 * without names, the pages a reader meets most (a unit, a table, the findings,
 * a source and the search page) are taken, found through dist/data/catalog.json.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSite } from '../src/bench/browser.ts';
import { cli } from './lib/cli.ts';

interface Shot {
  name: string;
  path: string;
}

/** The pages a reader meets most, from the catalog of the built site. */
function defaultShots(): Shot[] {
  const catalog = JSON.parse(readFileSync(join(config.dist, 'data/catalog.json'), 'utf8')) as {
    base: string;
    entities: { id: string; url: string; tables: { kind: string; url: string | null }[] }[];
    sources: { url: string; entities: string[] }[];
  };
  const unit = catalog.entities.find((e) => e.id.endsWith('-450003')) ?? catalog.entities[0]!;
  const table = unit.tables.find((t) => t.kind === 'income-expenditure-summary' && t.url) ?? unit.tables.find((t) => t.url)!;
  const source = catalog.sources.find((s) => s.entities.includes(unit.id)) ?? catalog.sources[0]!;
  const strip = (url: string) => url.slice(catalog.base.length);
  return [
    { name: 'unit', path: strip(unit.url) },
    { name: 'table', path: strip(table.url!) },
    { name: 'findings', path: 'findings/' },
    { name: 'source', path: strip(source.url) },
    { name: 'search', path: `search/?q=${encodeURIComponent('离休干部医药费')}` },
  ];
}

const { config, values, positionals } = cli({
  usage: 'npm run screenshot -- [options] [name=path …]',
  summary: `Without --out, refreshes docs/screenshot.png (home page). With --out, takes each named page
(or a unit, a table, the findings, a source and the search page) at each width into <out>/<name>-<width>.png.`,
  options: {
    out: { type: 'string', value: '<dir>', description: 'folder of the pictures of several pages' },
    widths: { type: 'string', value: '<list>', description: 'widths in px, comma-separated (default: 360,1280)' },
    full: { type: 'boolean', description: 'whole pages (cut at 12 screens) instead of the first screen' },
  },
  positionals: '[name=path …]',
  settings: ['dist'],
  host: true,
});
const out = values.out;
const site = await openSite(config.dist, config.base);
try {
  if (!out) {
    const page = await site.page({ width: 1200, height: 800 });
    await page.goto(site.url());
    await page.screenshot({ path: 'docs/screenshot.png' });
  } else {
    mkdirSync(out, { recursive: true });
    const widths = (values.widths ?? '360,1280').split(',').map(Number);
    const named = positionals.filter((a) => /^[\w-]+=/.test(a)).map((a) => ({ name: a.slice(0, a.indexOf('=')), path: a.slice(a.indexOf('=') + 1) }));
    const shots = named.length > 0 ? named : defaultShots();
    for (const shot of shots) {
      for (const width of widths) {
        const page = await site.page({ width, height: width < 480 ? 740 : 900 });
        await page.goto(site.url(shot.path));
        await page.waitForLoadState('networkidle');
        if (shot.path.startsWith('search/')) await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' }).catch(() => undefined);
        const file = join(out, `${shot.name}-${width}.png`);
        // Full pages show how far a reader scrolls; long pages are cut at 12 screens to keep the pictures small.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const screens = width < 480 ? 740 : 900;
        const full = values.full === true;
        await page.screenshot(full && height > screens * 12 ? { path: file, clip: { x: 0, y: 0, width, height: screens * 12 } } : { path: file, fullPage: full });
        console.log(`${file}  (${shot.path}, page ${height} px tall)`);
        await page.context().close();
      }
    }
  }
} finally {
  await site.close();
}
