/**
 * Regions: the administrative division a unit belongs to, read off the
 * front of its name (秦皇岛市医疗保障局本级 → 秦皇岛市), and the province
 * when the document implies it (冀财社〔2023〕… → 河北省; project codes that
 * begin with a GB/T 2260 division code such as 1303… → 河北省).
 */

/** GB/T 2260 two-digit province codes. */
export const PROVINCE_BY_CODE: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
};

/** One-character province abbreviations used in document numbers (冀财社, 豫财预 …). */
export const PROVINCE_BY_ABBREVIATION: Readonly<Record<string, string>> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省',
  沪: '上海市', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省',
  鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市', 川: '四川省', 黔: '贵州省',
  滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 甘: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区',
};

// Words that belong to an organisation, never to a place name.
const ORG_WORD_RE = /局|中心|委员会|办公室|政府|医院|学校|大学|协会|公司|服务|管理|保障|保险|经办|社区|街道/;
const SEGMENT_RE = /^(.{2,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|示范区|新区|开发区|高新区|地区|省|市|州|盟|县|区|旗))/;

/** Administrative divisions at the start of `name`, outermost first. */
export function divisionsOf(name: string): string[] {
  const parts: string[] = [];
  let rest = name;
  while (parts.length < 4) {
    const match = SEGMENT_RE.exec(rest);
    if (!match?.[1] || ORG_WORD_RE.test(match[1])) break;
    parts.push(match[1]);
    rest = rest.slice(match[1].length);
  }
  return rest.length >= 2 ? parts : [];
}

/** The region as named: all divisions at the front of the unit name (廊坊市广阳区). */
export function regionOf(name: string): string | undefined {
  const parts = divisionsOf(name);
  return parts.length ? parts.join('') : undefined;
}

const DOC_NUMBER_RE = new RegExp(`([${Object.keys(PROVINCE_BY_ABBREVIATION).join('')}])财[\\u4e00-\\u9fff]{0,2}\\s*[〔\\[［(（]?\\s*20\\d\\d`, 'g');
const PROJECT_CODE_RE = /(?<!\d)(\d{2})\d{4}\d{2}P[0-9A-Z]{6,}/g;

/**
 * The province the document implies: its own name, the province named in
 * document numbers (most frequent wins), or the division prefix of its
 * project codes.
 */
export function impliedProvince(text: string, region?: string): string | undefined {
  const named = region ? Object.values(PROVINCE_BY_CODE).find((p) => region.startsWith(p)) : undefined;
  if (named) return named;
  const votes = new Map<string, number>();
  const vote = (province: string | undefined) => {
    if (province) votes.set(province, (votes.get(province) ?? 0) + 1);
  };
  for (const m of text.matchAll(DOC_NUMBER_RE)) vote(PROVINCE_BY_ABBREVIATION[m[1]!]);
  for (const m of text.matchAll(PROJECT_CODE_RE)) vote(PROVINCE_BY_CODE[m[1]!]);
  let best: string | undefined;
  let most = 0;
  for (const [province, count] of votes) if (count > most) [best, most] = [province, count];
  return best;
}
