/**
 * Render one part of the site: an Astro integration that keeps, of every
 * page Astro would prerender, only those of part k of n.
 *
 * Why: Astro renders pages on one thread, so a large portal takes one core
 * however many the machine has. Run n builds of parts 0/n … n-1/n side by
 * side (render-parts.ts) and each renders its share of the pages of
 * units, sources, regions and subjects (split by a hash of the id, so a
 * unit's pages stay together and the split does not depend on the corpus);
 * part 0 also renders every portal-wide page.
 */
import type { AstroIntegration } from 'astro';

export interface Part {
  index: number;
  count: number;
}

const SPLIT = /\/(units|sources|regions|subjects)\/([^/]+)\//;

function hash(text: string): number {
  // FNV-1a: stable across runs and machines (parts may be rendered on several).
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The part that renders a page, by its pathname (`/units/<id>/tables/x/`). */
function partOf(pathname: string, count: number): number {
  const m = SPLIT.exec(pathname);
  return m ? hash(`${m[1]}/${m[2]}`) % count : 0;
}

export function renderPart(part: Part | undefined): AstroIntegration {
  return {
    name: 'budget-portal:render-part',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (!part || part.count < 2) return;
        setPrerenderer((prerenderer) =>
          // Everything else (setup, render…) is Astro's own prerenderer.
          Object.assign(Object.create(prerenderer) as typeof prerenderer, {
            name: `render-part-${part.index}-of-${part.count}`,
            async getStaticPaths() {
              const all = await prerenderer.getStaticPaths();
              return all.filter((p) => partOf(p.pathname, part.count) === part.index);
            },
          }),
        );
      },
    },
  };
}
