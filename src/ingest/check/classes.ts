/**
 * 类 of the functional classification (政府收支分类科目, 支出功能分类) by the
 * names summary tables print instead of codes (`八、社会保障和就业支出`,
 * `（十）卫生健康支出`, old `医疗卫生与计划生育支出`), so a summary line can be
 * matched with the 类 rows of the subject tables.
 */
import { stripEnumerator } from '../recognize/text.ts';

const CLASSES: readonly (readonly [string, RegExp])[] = [
  ['201', /^一般公共服务/],
  ['202', /^外交/],
  ['203', /^国防/],
  ['204', /^公共安全/],
  ['205', /^教育/],
  ['206', /^科学技术/],
  ['207', /^文化(?:旅游)?体育(?:旅游)?与传媒|^文化旅游体育与传媒/],
  ['208', /^社会保障和就业/],
  ['209', /^社会保险基金/],
  ['210', /^卫生健康|^医疗卫生与计划生育/],
  ['211', /^节能环保/],
  ['212', /^城乡社区/],
  ['213', /^农林水/],
  ['214', /^交通运输/],
  ['215', /^资源勘探/],
  ['216', /^商业服务业/],
  ['217', /^金融/],
  ['219', /^援助其他地区/],
  ['220', /^自然资源海洋气象/],
  ['221', /^住房保障/],
  ['222', /^粮油物资储备/],
  ['223', /^国有资本经营预算/],
  ['224', /^灾害防治及应急管理/],
  ['227', /^预备费/],
  ['229', /^其他支出$/],
  ['230', /^转移性支出/],
  ['231', /^债务还本/],
  ['232', /^债务付息/],
  ['233', /^债务发行费用/],
  ['234', /^抗疫特别国债/],
];

/** 类 code of a printed class name, or undefined when it names none (or more than one). */
export function classCode(label: string): string | undefined {
  const name = stripEnumerator(label).replace(/^[(（][一二三四五六七八九十百\d]+[)）]/, '');
  const hits = CLASSES.filter(([, re]) => re.test(name));
  return hits.length === 1 ? hits[0]![0] : undefined;
}
