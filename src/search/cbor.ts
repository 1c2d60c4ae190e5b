/**
 * The part of CBOR (RFC 8949) that Pagefind's page list uses: unsigned
 * integers, text strings and arrays of definite length. Anything else is an
 * error naming the byte where it is, so a file of an unexpected shape is
 * reported rather than rewritten wrongly.
 */
export type CborValue = number | string | CborValue[];

export class CborError extends Error {}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new CborError(`truncated at byte ${at}`);
  };
  const length = (info: number, start: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new CborError(`unsupported length ${info} at byte ${start}`);
    need(size);
    const value = size === 1 ? bytes[at]! : size === 2 ? view.getUint16(at) : view.getUint32(at);
    at += size;
    return value;
  };
  const item = (): CborValue => {
    need(1);
    const start = at;
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const n = length(initial & 31, start);
    if (major === 0) return n;
    if (major === 3) {
      need(n);
      at += n;
      return text.decode(bytes.subarray(at - n, at));
    }
    if (major === 4) return Array.from({ length: n }, item);
    throw new CborError(`unsupported major type ${major} at byte ${start}`);
  };
  const value = item();
  if (at !== bytes.length) throw new CborError(`${bytes.length - at} bytes after the value`);
  return value;
}

/** Encodes with the shortest integer forms (canonical CBOR). */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) throw new CborError(`cannot encode ${n}`);
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
    else out.push(m | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  };
  const encoder = new TextEncoder();
  const write = (v: CborValue): void => {
    if (typeof v === 'number') head(0, v);
    else if (typeof v === 'string') {
      const bytes = encoder.encode(v);
      head(3, bytes.length);
      for (const b of bytes) out.push(b);
    } else {
      head(4, v.length);
      v.forEach(write);
    }
  };
  write(value);
  return Uint8Array.from(out);
}
