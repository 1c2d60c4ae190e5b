/**
 * Which kind of file a source is, from its first bytes and, where the bytes
 * leave it open, its extension: bureaus rename files, so a `.xls` that is
 * really an OOXML workbook or a `.txt` that is a web page is read as what it is.
 */
import { unzipSync } from 'fflate';
import type { OriginalReading } from './types.ts';

/** Formats the portal reads, and an old binary Word file, which it recognizes to say it cannot read it. */
export type OriginalFormat = OriginalReading['format'];

/** What an Office container holds, told apart before reading it. */
export interface Container {
  /** An OLE2 compound file (old .doc/.xls, or an encrypted OOXML file, which Office wraps in one). */
  ole: boolean;
  /** OLE streams named like an encrypted OOXML package. */
  encrypted: boolean;
  /** Names of the entries of a zip, when it is one and its directory reads. */
  entries: string[] | null;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function extension(file: string): string {
  return /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
}

/** Whether the UTF-16LE name of an OLE stream occurs in the bytes (directory entries store names so). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Entry names of a zip, or null when its directory cannot be read. */
export function zipEntries(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    return names;
  } catch {
    return null;
  }
}

export function container(bytes: Uint8Array): Container {
  const ole = startsWith(bytes, OLE);
  return {
    ole,
    encrypted: ole && hasStream(bytes, 'EncryptedPackage'),
    entries: startsWith(bytes, ZIP) ? zipEntries(bytes) : null,
  };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'));
}

/**
 * The format of an original, or null for text the text readers take. A
 * `.docx`/`.xlsx` whose bytes are a damaged zip keeps the format its name
 * gives, so its reader can say what is wrong with it.
 */
export function originalFormatOf(file: string, bytes: Uint8Array): OriginalFormat | null {
  const ext = extension(file);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    const entries = zipEntries(bytes);
    if (entries?.some((n) => n.startsWith('word/'))) return 'docx';
    if (entries?.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  if (startsWith(bytes, OLE)) {
    if (hasStream(bytes, 'WordDocument')) return 'doc';
    if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'xls';
  }
  switch (ext) {
    case 'pdf':
      return 'pdf';
    case 'docx':
    case 'docm':
    case 'dotx':
      return 'docx';
    case 'doc':
      return 'doc';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'xls':
      return 'xls';
    case 'html':
    case 'htm':
    case 'shtml':
      return 'html';
  }
  if (startsWith(bytes, OLE)) return ext === 'docx' ? 'docx' : 'xlsx';
  return looksLikeHtml(bytes) ? 'html' : null;
}
