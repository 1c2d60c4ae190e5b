/**
 * Reader of PDF originals through pdf.js: the text runs of each page with
 * their positions, and the rules it draws, rebuilt into lines, paragraphs
 * and tables with real cells (merged cells keep their spans). Pages are read
 * one at a time and released, so a long document never has all its pages in
 * memory. Never throws: a password, a damaged file or a scan without a text
 * layer gives a diagnostic in Chinese.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Reporter } from '../../diagnostics.ts';
import { assemble } from './pdf/assemble.ts';
import { glyphsOf, rulesOf, type Matrix, type OpCodes, type PathOps } from './pdf/geometry.ts';
import { pageContent, type PageContent } from './pdf/page.ts';
import type { OriginalReader } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** How pdf.js encodes a path inside its constructPath operator (moveTo x y, lineTo x y, …, closePath). */
const PATH_OPS: PathOps = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

let loaded: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  // The legacy build runs in Node without a browser; loaded on first use, as text-only corpora never need it.
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/** pdf.js's own CMaps (Chinese fonts without embedded Unicode maps) and standard fonts, from its package. */
function dataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

function opCodes(OPS: PdfJs['OPS']): OpCodes {
  return {
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    constructPath: OPS.constructPath,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
    stroke: OPS.stroke,
    closeStroke: OPS.closeStroke,
    fill: OPS.fill,
    eoFill: OPS.eoFill,
    fillStroke: OPS.fillStroke,
    eoFillStroke: OPS.eoFillStroke,
    closeFillStroke: OPS.closeFillStroke,
    closeEOFillStroke: OPS.closeEOFillStroke,
  };
}

const errorName = (e: unknown) => (e instanceof Error || (typeof e === 'object' && e !== null) ? String((e as { name?: unknown }).name ?? '') : '');
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Page numbers as a short list: 1–3、7. */
function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return parts.join('、');
}

export const readPdf: OriginalReader = async (bytes, reporter: Reporter) => {
  let lib: PdfJs;
  try {
    lib = await pdfjs();
  } catch (e) {
    reporter.error('decode', 'decode:pdf-unsupported', `无法加载 PDF 读取组件（${errorMessage(e)}），此 PDF 未能读取；原文件仍提供下载。`);
    return null;
  }
  // pdf.js takes over the buffer it is given; a copy leaves the caller's bytes intact.
  // pdf.js takes a plain Uint8Array (a Node Buffer is refused) and detaches what it is given, so it gets a copy.
  const task = lib.getDocument({ data: new Uint8Array(bytes), ...dataDirs(), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    if (errorName(e) === 'PasswordException') {
      reporter.error('decode', 'decode:encrypted', '此 PDF 已加密，需要密码才能打开，无法读取其中的文字和表格；原文件仍提供下载。');
    } else {
      reporter.error('decode', 'decode:corrupt', `此 PDF 已损坏或不是有效的 PDF 文件（${errorMessage(e)}），无法读取；原文件仍提供下载。`);
    }
    return null;
  }
  const codes = opCodes(lib.OPS);
  const images = new Set([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject, lib.OPS.paintImageXObjectRepeat]);
  const pages: PageContent[] = [];
  const unreadable: number[] = [];
  const textless: number[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>> | null = null;
      try {
        page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const matrix = viewport.transform as Matrix;
        const text = await page.getTextContent();
        const glyphs = glyphsOf(text.items, matrix);
        const ops = await page.getOperatorList();
        // A page without text that shows an image is a scan; one that shows nothing is a blank page.
        if (!glyphs.length && ops.fnArray.some((fn) => images.has(fn))) textless.push(n);
        const rules = glyphs.length ? rulesOf(ops.fnArray, ops.argsArray, codes, PATH_OPS, matrix) : [];
        pages.push(pageContent(glyphs, rules, viewport.height));
      } catch {
        unreadable.push(n);
        pages.push({ items: [], marginLines: new Set() });
      } finally {
        page?.cleanup();
      }
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
  if (unreadable.length) {
    reporter.error('decode', 'decode:corrupt', `此 PDF 第 ${pageList(unreadable)} 页已损坏，无法读取，其余页照常读取。`);
  }
  if (unreadable.length === pages.length) return null;
  if (!textless.length && !pages.some((p) => p.items.length)) {
    reporter.error('decode', 'decode:no-text', `此 PDF 共 ${pages.length} 页，页面上没有任何文字或图片可读；原文件仍提供下载。`);
    return null;
  }
  if (textless.length + unreadable.length === pages.length || !pages.some((p) => p.items.length)) {
    reporter.error('decode', 'decode:needs-ocr', `此 PDF 共 ${pages.length} 页，都没有文字层（可能是扫描件或图片），需要先做文字识别（OCR）才能读取其中的文字和表格；原文件仍提供下载。`);
    return null;
  }
  if (textless.length) {
    reporter.warn('decode', 'decode:needs-ocr', `此 PDF 第 ${pageList(textless)} 页没有文字层（可能是扫描的图片），这些页需要文字识别（OCR）才能读取。`);
  }
  const { lines, blocks, printedAt } = assemble(pages);
  return { format: 'pdf', lines, blocks, printedAt, parts: pages.length };
};
