/**
 * Originals as bureaus publish them: one reader per format, chosen by the
 * file's bytes and name. What no reader can take (an encrypted file, a
 * damaged zip or binary file) is said in a located diagnostic; the file
 * itself is always published for download.
 */
import type { Reporter } from '../../diagnostics.ts';
import { container, originalFormatOf, type OriginalFormat } from './detect.ts';
import type { OriginalReader, OriginalReading } from './types.ts';

export { originalFormatOf, type OriginalFormat };

/**
 * Each reader is loaded when a file of its format comes: the spreadsheet and
 * PDF libraries are large, and a corpus of text files (or each worker thread
 * of a corpus ingest) need not load them.
 */
const readers: Record<OriginalReading['format'], () => Promise<OriginalReader>> = {
  pdf: async () => (await import('./pdf.ts')).readPdf,
  docx: async () => (await import('./docx.ts')).readDocx,
  doc: async () => (await import('./doc.ts')).readDoc,
  xlsx: async () => (await import('./xlsx.ts')).readXlsx,
  xls: async () => (await import('./xlsx.ts')).readXlsx,
  html: async () => (await import('./html.ts')).readHtml,
};

const formatName: Record<OriginalFormat, string> = { pdf: 'PDF', docx: 'Word（DOCX）', doc: 'Word 97-2003（DOC）', xlsx: 'Excel（XLSX）', xls: 'Excel（XLS）', html: '网页（HTML）' };

/** Problems of the Office container that stop any reader; true when one was reported. */
function containerProblem(format: OriginalFormat, bytes: Uint8Array, reporter: Reporter): boolean {
  if (format === 'pdf' || format === 'html') return false;
  const box = container(bytes);
  if (box.encrypted) {
    reporter.error('decode', 'decode:encrypted', `${formatName[format]}文件设有打开密码（已加密），无法读取其内容；原文件照样提供下载。请发布未加密的文件。`, 0);
    return true;
  }
  if ((format === 'docx' || (format === 'xlsx' && !box.ole)) && box.entries === null) {
    reporter.error('decode', 'decode:corrupt-zip', `${formatName[format]}文件已损坏（其 ZIP 结构无法解开，可能下载不完整），无法读取其内容；原文件照样提供下载。`, 0);
    return true;
  }
  return false;
}

/** Reads an original; never throws. Null when nothing could be read (the diagnostics say why). */
export async function readOriginal(format: OriginalFormat, bytes: Uint8Array, reporter: Reporter): Promise<OriginalReading | null> {
  if (bytes.length === 0) {
    reporter.error('decode', 'decode:empty', '文件为空（0 字节），没有可发布的内容。');
    return null;
  }
  if (containerProblem(format, bytes, reporter)) return null;
  try {
    const reader = await readers[format]();
    return await reader(bytes, reporter);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // Old binary workbooks carry their password inside the file, where only the library finds it.
    if (/password|encrypt/i.test(why)) {
      reporter.error('decode', 'decode:encrypted', `${formatName[format]}文件设有打开密码（已加密），无法读取其内容；原文件照样提供下载。请发布未加密的文件。`, 0);
      return null;
    }
    reporter.error('decode', 'decode:unreadable-original', `${formatName[format]}文件无法读取（${why.slice(0, 120)}）；原文件照样提供下载。`, 0);
    return null;
  }
}
