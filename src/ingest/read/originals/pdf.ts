/**
 * PDF originals. Until the PDF reader is in place a PDF is published for
 * download with a diagnostic saying its text is not read.
 */
import type { OriginalReader } from './types.ts';

export const readPdf: OriginalReader = async (_bytes, reporter) => {
  reporter.error('decode', 'decode:pdf-unsupported', '暂不能读取 PDF 文件的文字；原文件照样提供下载。', 0);
  return null;
};
