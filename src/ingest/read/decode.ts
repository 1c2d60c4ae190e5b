/**
 * Bytes to text. Government files arrive as UTF-8 (with or without BOM),
 * GB18030/GBK, occasionally UTF-16, with CRLF line ends, or are not text at
 * all. We decode what can be decoded, say how, and refuse binary data with a
 * located message instead of publishing garbage.
 */
import type { Reporter } from '../diagnostics.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  /** Text with line ends normalized to `\n`; null when the bytes are not text. */
  text: string | null;
  encoding: Encoding | null;
}

/** Share of C0 control characters (other than tab, CR, LF, FF) above which bytes are binary. */
const CONTROL_SHARE = 0.02;

function controlShare(text: string): number {
  if (!text.length) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls / text.length;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decode(bytes: Uint8Array, reporter: Reporter): Decoded {
  if (bytes.length === 0) {
    reporter.error('decode', 'decode:empty', '文件为空（0 字节），没有可发布的内容。');
    return { text: null, encoding: null };
  }
  let encoding: Encoding | null = null;
  let text: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text !== null) encoding = 'utf-8-bom';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = tryDecode(bytes.subarray(2), 'utf-16le');
    if (text !== null) encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = tryDecode(bytes.subarray(2), 'utf-16be');
    if (text !== null) encoding = 'utf-16be';
  }
  if (text === null && !bytes.includes(0)) {
    text = tryDecode(bytes, 'utf-8');
    if (text !== null) encoding = 'utf-8';
    else {
      text = tryDecode(bytes, 'gb18030');
      if (text !== null) {
        encoding = 'gb18030';
        reporter.warn('decode', 'decode:gb18030', '文件不是 UTF-8 编码，已按 GB18030（兼容 GBK/GB2312）解码。', 0);
      }
    }
  }
  if (text === null || controlShare(text) > CONTROL_SHARE) {
    reporter.error('decode', 'decode:binary', '文件不是可识别的文本（可能是二进制文件或未知编码），无法解析，也不发布其内容。', 0);
    return { text: null, encoding: null };
  }
  if (encoding === 'utf-8-bom') reporter.info('decode', 'decode:bom', '文件以 UTF-8 BOM 开头，已去除。', 1);
  if (/\r\n?/.test(text)) {
    reporter.info('decode', 'decode:line-ends', '文件使用 CRLF 或 CR 换行，已统一为 LF（行号不变）。', 1);
    text = text.replace(/\r\n?/g, '\n');
  }
  return { text, encoding };
}
