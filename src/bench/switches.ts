/**
 * The switches a test or benchmark run reads from its environment, all of them here. None
 * is a setting of the portal (those are flags: src/config.ts); they say where
 * this machine keeps a tool, or ask a test for something extra.
 */
import { tmpdir } from 'node:os';

export const switches = {
  /** The Chromium to drive (else /usr/bin/chromium). */
  chromiumPath: process.env.CHROMIUM_PATH,
  /** The CJK font the test PDFs are printed with. */
  cjkFontFile: process.env.CJK_FONT_FILE ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  /** `1`: the browser tests reuse an existing dist/ instead of building it. */
  skipBuild: process.env.TEST_SKIP_BUILD === '1',
  /** Seed of the property tests, to replay a failure. */
  fcSeed: Number(process.env.FC_SEED ?? 20261123),
  /** A file the derived-figures test writes its figures to. */
  derivedFiguresReport: process.env.DERIVED_FIGURES_REPORT,
  /** Scratch space of the tests that build a site of their own. */
  scratch: tmpdir(),
};
