/**
 * Synthetic corpora for the benchmark, made by varying the real seeds:
 * every document gets its own region, unit codes and budget year, and all
 * its amounts are multiplied by a whole factor (which keeps every sum
 * exact). A known share of documents also gets one planted inconsistency:
 * one amount on a subject-code row is raised by 1.00, which breaks that
 * row's totals; the benchmark then checks the portal finds each one.
 */

export interface Seed {
  file: string;
  text: string;
}

export interface Planted {
  file: string;
  line: number;
  before: string;
  after: string;
}

export interface Synthetic {
  file: string;
  text: string;
  planted?: Planted;
}

// Characters for synthetic place names; none of them is an administrative suffix.
const NAME_CHARS = '青山绿水金石云河松柏桃李梅兰竹菊东南西北安平和顺泰康宁远丰乐长兴永宝华光明新春秋星月海湖泉林峰川';
const SUFFIXES = ['市', '县', '区'];
const KNOWN_REGIONS = ['济源产城融合示范区', '西安市碑林区', '廊坊市广阳区', '秦皇岛市', '兴隆县'];
/** Unit codes printed in the seeds, longest first so 036001 is replaced before 036. */
const UNIT_CODES = ['450001', '450003', '036001', '036002', '231002', '362001', '571001', '036', '231'];

export function regionName(index: number): string {
  const n = NAME_CHARS.length;
  const a = NAME_CHARS[index % n]!;
  const b = NAME_CHARS[Math.floor(index / n) % n]!;
  const c = NAME_CHARS[Math.floor(index / (n * n)) % n]!;
  const suffix = SUFFIXES[Math.floor(index / (n * n * n)) % SUFFIXES.length]!;
  return `${c}${b}${a}${suffix}`;
}

/** Multiply a printed amount by a whole factor, keeping its decimals and thousands separators. */
function scaleAmount(printed: string, factor: number): string {
  const grouped = printed.includes(',');
  const [int = '0', frac = ''] = printed.replace(/,/g, '').split('.');
  const units = BigInt(int + frac) * BigInt(factor);
  const digits = units.toString().padStart(frac.length + 1, '0');
  let whole = frac ? digits.slice(0, -frac.length) : digits;
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${whole}.${digits.slice(-frac.length)}` : whole;
}

/** A small deterministic generator, so a corpus can be rebuilt identically. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const AMOUNT_RE = /(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d])|(?<![\d.,])\d+\.\d{2}(?![\d%])/g;
const YEAR_RE = /(?<![\d.])(20[1-3]\d)(?![\d.])/g;
const CODE_ROW_RE = /(?:^|\t|\| )(2\d{6})(?:\t| \|)/;

function replaceCodes(text: string, index: number): string {
  let out = text;
  for (const code of UNIT_CODES) {
    const replacement = code.length === 3 ? String(100 + (index % 900)) : String(100000 + ((index * 7 + UNIT_CODES.indexOf(code)) % 900000));
    out = out.replace(new RegExp(`(?<![\\dA-Za-z])${code}(?![\\dA-Za-z])`, 'g'), replacement.padStart(code.length, '0'));
  }
  return out;
}

export function synthesize(seeds: readonly Seed[], count: number, options: { plantShare?: number; seed?: number } = {}): Synthetic[] {
  const plantShare = options.plantShare ?? 0.05;
  const rand = random(options.seed ?? 20261123);
  const out: Synthetic[] = [];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const region = regionName(i);
    const factor = 1 + Math.floor(rand() * 9);
    const yearShift = Math.floor(i / seeds.length) % 5 - 2;
    let text = seed.text;
    for (const known of KNOWN_REGIONS) text = text.split(known).join(region);
    text = replaceCodes(text, i);
    text = text.replace(YEAR_RE, (y) => String(Number(y) + yearShift));
    text = text.replace(AMOUNT_RE, (amount) => scaleAmount(amount, factor));
    const file = `${String(i).padStart(6, '0')}_${seed.file.replace(/^\d+_/, '')}`;
    const synthetic: Synthetic = { file, text };
    if (rand() < plantShare) {
      const lines = text.split('\n');
      const candidates = lines.map((l, n) => (CODE_ROW_RE.test(l) && /\d\.\d{2}/.test(l) ? n : -1)).filter((n) => n >= 0);
      const target = candidates[Math.floor(rand() * candidates.length)];
      if (target !== undefined) {
        const before = lines[target]!;
        let done = false;
        const after = before.replace(AMOUNT_RE, (amount) => {
          if (done) return amount;
          done = true;
          const raised = BigInt(amount.replace(/[,.]/g, '')) + 100n;
          return scaleAmount(`${raised / 100n}.${String(raised % 100n).padStart(2, '0')}`, 1);
        });
        lines[target] = after;
        synthetic.text = lines.join('\n');
        synthetic.planted = { file, line: target + 1, before, after };
      }
    }
    out.push(synthetic);
  }
  return out;
}
