/**
 * The province a document implies without naming it: the province in its
 * document numbers (冀财社〔2023〕… → 河北省), or the GB/T 2260 division code
 * that its project codes begin with (1303…P… → 河北省).
 */
import { provinceNamed, provinceOfCode } from './divisions.ts';
import { HAN } from '../han.ts';

/**
 * One-character province abbreviations used in document numbers (冀财社, 豫财预 …):
 * fixed by the State Council, not part of the division list.
 */
const PROVINCE_BY_ABBREVIATION: Readonly<Record<string, string>> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省',
  沪: '上海市', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省',
  鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市', 川: '四川省', 黔: '贵州省',
  滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 甘: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区',
};

const DOC_NUMBER_RE = new RegExp(`([${Object.keys(PROVINCE_BY_ABBREVIATION).join('')}])财[${HAN}]{0,2}\\s*[〔\\[［(（]?\\s*20\\d\\d`, 'g');
const PROJECT_CODE_RE = /(?<!\d)(\d{2})\d{4}\d{2}P[0-9A-Z]{6,}/g;

/**
 * The province the document implies: the province the region starts
 * with, else the province named in document numbers or by the division
 * prefix of project codes (most frequent wins).
 */
export function impliedProvince(text: string, region?: string): string | undefined {
  const named = region ? provinceNamed(region) : undefined;
  if (named) return named;
  const votes = new Map<string, number>();
  const vote = (province: string | undefined) => {
    if (province) votes.set(province, (votes.get(province) ?? 0) + 1);
  };
  for (const m of text.matchAll(DOC_NUMBER_RE)) vote(PROVINCE_BY_ABBREVIATION[m[1]!]);
  for (const m of text.matchAll(PROJECT_CODE_RE)) vote(provinceOfCode(m[1]!));
  let best: string | undefined;
  let most = 0;
  for (const [province, count] of votes) if (count > most) [best, most] = [province, count];
  return best;
}
