/**
 * The part of CBOR (RFC 8949) that Pagefind's index metadata uses: unsigned
 * integers, byte and text strings, arrays and maps. Anything else (floats,
 * tags, negative numbers) is an error, so a file of an unexpected shape is
 * reported rather than rewritten wrongly.
 */
export type CborValue = number | string | Uint8Array | CborValue[] | Map<CborValue, CborValue>;

export class CborError extends Error {}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new CborError(`truncated at byte ${at}`);
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return need(1), bytes[at++]!;
    if (info === 25) return need(2), (at += 2), view.getUint16(at - 2);
    if (info === 26) return need(4), (at += 4), view.getUint32(at - 4);
    if (info === 27) {
      need(8);
      const value = view.getBigUint64(at);
      at += 8;
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError(`integer too large at byte ${at - 8}`);
      return Number(value);
    }
    if (info === 31) return -1;
    throw new CborError(`unsupported length ${info} at byte ${at}`);
  };
  const item = (): CborValue => {
    need(1);
    const start = at;
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const n = length(initial & 31);
    if (n < 0 && major !== 4 && major !== 5) throw new CborError(`indefinite length at byte ${start}`);
    switch (major) {
      case 0:
        return n;
      case 2:
      case 3: {
        need(n);
        const slice = bytes.subarray(at, (at += n));
        return major === 2 ? slice.slice() : text.decode(slice);
      }
      case 4: {
        const list: CborValue[] = [];
        if (n < 0) {
          while ((need(1), bytes[at]) !== 0xff) list.push(item());
          at++;
        } else for (let i = 0; i < n; i++) list.push(item());
        return list;
      }
      case 5: {
        const map = new Map<CborValue, CborValue>();
        if (n < 0) {
          while ((need(1), bytes[at]) !== 0xff) map.set(item(), item());
          at++;
        } else for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      default:
        throw new CborError(`unsupported major type ${major} at byte ${start}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new CborError(`${bytes.length - at} bytes after the value`);
  return value;
}

/** Encodes with definite lengths and the shortest integer forms (canonical CBOR). */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (!Number.isSafeInteger(n) || n < 0) throw new CborError(`cannot encode ${n}`);
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      const big = BigInt(n);
      out.push(m | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) out.push(Number((big >> shift) & 0xffn));
    }
  };
  const encoder = new TextEncoder();
  const write = (v: CborValue): void => {
    if (typeof v === 'number') head(0, v);
    else if (typeof v === 'string') {
      const bytes = encoder.encode(v);
      head(3, bytes.length);
      for (const b of bytes) out.push(b);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      for (const b of v) out.push(b);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      v.forEach(write);
    } else {
      head(5, v.size);
      for (const [k, item] of v) write(k), write(item);
    }
  };
  write(value);
  return Uint8Array.from(out);
}
