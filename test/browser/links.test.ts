/**
 * Link check over the built dist/: every internal link, script, stylesheet,
 * image and download of every page resolves to a file of the site, and every
 * fragment (#L123, #r-45, #term-…) names an element on the target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The file a site path is served from, as a static host would serve it. */
function fileFor(pathname: string): string | null {
  const path = join(DIST, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : null;
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('links', () => {
  it('has no broken internal link, asset, download or anchor', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(DIST)) {
      const html = readFileSync(file, 'utf8');
      const pageUrl = new URL(`/${file.slice(DIST.length + 1).replace(/index\.html$/, '')}`, 'http://site.test');
      for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = decode(match[1]!);
        if (/^(?:[a-z]+:)?\/\//i.test(raw) || /^(?:mailto|tel|data):/i.test(raw)) continue;
        const url = new URL(raw, pageUrl);
        if (url.origin !== pageUrl.origin) continue;
        checked++;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${raw}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${file}: ${raw} (no #${fragment})`);
      }
    }
    console.log(`links: ${checked} internal links checked, ${broken.length} broken`);
    expect(broken.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
