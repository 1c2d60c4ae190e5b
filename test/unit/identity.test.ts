/**
 * Who publishes a document when it prints no unit code, where that unit is
 * in the national division list, partial documents and traditional text:
 * small documents from several provinces under test/fixtures/identity/,
 * with expected values read off them by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityId, nameSlug } from '../../src/ingest/ids.ts';
import { ingestSource, type IngestResult } from '../../src/ingest/ingest.ts';
import { resolveDivision } from '../../src/ingest/recognize/divisions.ts';
import { impliedProvince } from '../../src/ingest/recognize/implied-province.ts';
import { cleanName, parseNameLabel, parseTitleName } from '../../src/ingest/recognize/identity.ts';
import { compact, forMatching } from '../../src/ingest/recognize/text.ts';
import { HAN } from '../../src/ingest/han.ts';

const results = new Map<string, IngestResult>();
function ingest(file: string): IngestResult {
  let result = results.get(file);
  if (!result) {
    result = ingestSource(file, readFileSync(`test/fixtures/identity/${file}`));
    results.set(file, result);
  }
  return result;
}
const only = (file: string) => {
  const { entities } = ingest(file);
  expect(entities).toHaveLength(1);
  return entities[0]!;
};
const rules = (file: string) => ingest(file).source.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId);

describe('units without a code', () => {
  it('a department named by its 部门名称 label is published under its name, region, year and division', () => {
    const e = only('xinjiang-no-code.txt');
    expect(e).toMatchObject({
      id: 'ruoqiangxian-2024-yiliaobaozhangju',
      name: '若羌县医疗保障局',
      level: 'department',
      region: '若羌县',
      province: '新疆维吾尔自治区',
      city: '巴音郭楞蒙古自治州',
      county: '若羌县',
      divisionCode: '652824',
      year: 2024,
      unitKey: '652824:医疗保障局',
    });
    expect(e.code).toBeUndefined();
    expect(e.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary', 'three-public']);
    expect(rules('xinjiang-no-code.txt')).toEqual([]);
  });

  it('the same unit in another year, named with its province in front, has the same unit key', () => {
    const e = only('xinjiang-no-code-2025.txt');
    expect(e).toMatchObject({ name: '新疆维吾尔自治区若羌县医疗保障局', year: 2025, county: '若羌县', unitKey: '652824:医疗保障局' });
    expect(e.id).toBe('xinjiangweiwuerzizhiqu-ruoqiangxian-2025-yiliaobaozhangju');
  });

  it('a title is enough when nothing else names the unit (a text-only document)', () => {
    const e = only('text-only.txt');
    expect(e).toMatchObject({ name: '湖南省长沙市芙蓉区教育局', year: 2023, province: '湖南省', city: '长沙市', county: '芙蓉区', divisionCode: '430102', tables: [] });
    expect(rules('text-only.txt')).toEqual(['read:unknown-layout']);
  });

  it('a bare name above a table is the unit line; a signature at the end is not another unit', () => {
    const e = only('bare-unit-line.txt');
    expect(e).toMatchObject({ name: '廊坊市安次区卫生健康局', province: '河北省', city: '廊坊市', county: '安次区' });
    expect(e.tables.map((t) => [t.kind, t.rows.length])).toEqual([['three-public', 4]]);
  });

  it('a title broken after its year, with the organisation in brackets, names the unit and the year', () => {
    const e = only('two-line-title.txt');
    expect(e).toMatchObject({ name: '安庆市大观区经济开发区(管委会)', year: 2024, province: '安徽省', city: '安庆市', county: '大观区', unitKey: '340803:经济开发区管委会' });
  });

  it('a name that names no place is published, but its key meets no other file', () => {
    const e = only('placeless-name.txt');
    expect(e).toMatchObject({ name: '统计局', year: 2024, unitKey: 'file-placeless-name:统计局' });
    expect(e.province).toBeUndefined();
  });

  it('a coded unit keeps its code in the id and the key', () => {
    const e = only('chongqing-coded.txt');
    expect(e).toMatchObject({ id: 'chongqingshi-jiangbeiqu-2024-101001', code: '101001', province: '重庆市', city: '重庆市', county: '江北区', divisionCode: '500105', unitKey: '500105:101001' });
  });
});

describe('the seeds without their unit codes', () => {
  // Every six-digit unit code before a name goes (`450001秦皇岛市…` → `秦皇岛市…`, the cell left empty in a row):
  // the same units, from the same lines, with the same tables.
  const uncoded = (file: string) => {
    const text = readFileSync(`seeds/${file}`, 'utf8').replace(new RegExp(`(^|\\t)\\d{6}(?=[ \\t]*[${HAN}])`, 'gm'), '$1');
    return ingestSource(file, new TextEncoder().encode(text));
  };
  const summary = (r: IngestResult) => r.entities.map((e) => [e.name, e.code, e.year, e.province, e.city, e.county, e.tables.length, e.line, e.endLine]);

  it('publish the same units by name', () => {
    expect(summary(uncoded('000_254f1c56485b7ccb.txt'))).toEqual([
      ['秦皇岛市医疗保障局本级', undefined, 2024, '河北省', '秦皇岛市', undefined, 17, 1, 592],
      ['秦皇岛市医疗保险基金管理中心', undefined, 2024, '河北省', '秦皇岛市', undefined, 14, 593, 1080],
    ]);
    expect(summary(uncoded('003_2bc1f60d8e8166ed.txt'))).toEqual([['兴隆县医疗保障局本级', undefined, 2025, '河北省', '承德市', '兴隆县', 21, 1, 556]]);
    const langfang = uncoded('004_b14cc660f2ed3abf.txt');
    expect(summary(langfang)).toEqual([['廊坊市广阳区医疗保障局本级', undefined, 2023, '河北省', '廊坊市', '广阳区', 17, 1, 2352]]);
    expect(langfang.entities[0]!.id).toBe('langfangshi-guangyangqu-2023-yiliaobaozhangjubenji');
  }, 300_000);
});

describe('markup and control characters in a name', () => {
  it('never lose the entity: the name is the organisation, the printed form is kept as text', () => {
    const e = only('markup-name.txt');
    expect(e.name).toBe('海口市龙华区园林局');
    expect(e.printedName).toBe('<script>alert("x")</script>海口市龙华区园林局');
    expect(e).toMatchObject({ province: '海南省', city: '海口市', county: '龙华区', unit: '元' });
    expect(e.tables[0]!.rows[0]!.cells.map((c) => c.value)).toEqual([undefined, undefined, '12000.00', '12000.00']);
  });

  it('a script tag pasted into the title does not lose the unit named there', () => {
    const text = '# <script>window.x=1</script>汉中市汉台区水利局2024年部门预算\n\n部门“三公”经费支出预算表\n\n单位：万元\n\n| 项目 | 合计 |\n|------|------|\n| 合计 | 3.00 |\n| 公务接待费 | 3.00 |\n';
    const { entities } = ingestSource('title-markup.txt', new TextEncoder().encode(text));
    expect(entities.map((e) => [e.name, e.year, e.province, e.city, e.county])).toEqual([['汉中市汉台区水利局', 2024, '陕西省', '汉中市', '汉台区']]);
  });

  it('cleanName takes out script elements, tags and zero-width characters', () => {
    expect(cleanName('<b>某某县</b>水利局\u200b\u0007')).toBe('某某县水利局');
    expect(cleanName('<script>var a = "局";</script>某某县水利局')).toBe('某某县水利局');
  });
});

describe('name labels and titles', () => {
  it('read the name up to the next field of the line', () => {
    expect(parseNameLabel('部门名称：阜阳市颍州区审计局          单位：万元')).toBe('阜阳市颍州区审计局');
    expect(parseNameLabel('部门：阜阳市颍州区审计局 金额单位：元')).toBe('阜阳市颍州区审计局');
    expect(parseNameLabel('预算单位：阜阳市颍州区审计局\t年度：2024')).toBe('阜阳市颍州区审计局');
    expect(parseNameLabel('单位：万元')).toBeNull();
    expect(parseNameLabel('部门名称：本表反映部门收支情况')).toBeNull();
  });

  it('find the organisation in a title, year before or after it', () => {
    expect(parseTitleName('# 阜阳市颍州区审计局2024年部门预算公开')).toBe('阜阳市颍州区审计局');
    expect(parseTitleName('2024年阜阳市颍州区审计局部门预算')).toBe('阜阳市颍州区审计局');
    expect(parseTitleName('阜阳市颍州区2024年部门预算情况说明')).toBeNull();
    expect(parseTitleName('农科所2019-度部门“三公”经费预算情况表')).toBe('农科所');
    expect(parseTitleName('农业局部门预算')).toBe('农业局');
    expect(parseTitleName('根据市财政局2024年部门预算编制要求')).toBeNull();
    expect(parseTitleName('本溪市文化馆2024年单位预算')).toBe('本溪市文化馆');
    expect(parseTitleName('农业局预算公开表.xls农业局')).toBeNull();
    // Traditional, with glosses: the printed characters, glosses left out.
    expect(parseTitleName('喀什市圖書館2024年部門預(yù)算')).toBe('喀什市圖書館');
  });

  it('a long name gets a cut slug with a hash, never colliding with another long name', () => {
    const a = nameSlug('某县', `某县${'综合行政执法'.repeat(6)}一大队`);
    const b = nameSlug('某县', `某县${'综合行政执法'.repeat(6)}二大队`);
    expect(a.length).toBeLessThanOrEqual(60);
    expect(a).not.toBe(b);
    expect(entityId('若羌县', 2024, { name: '若羌县医疗保障局' })).toBe('ruoqiangxian-2024-yiliaobaozhangju');
    expect(entityId('若羌县', 2024, { name: '若羌县医疗保障局', code: '652001' })).toBe('ruoqiangxian-2024-652001');
  });
});

describe('regions from the national division list', () => {
  const none = { text: '' };
  it('resolves a city with its district, and a county alone', () => {
    expect(resolveDivision(['西安市', '碑林区'], none).division).toEqual({ level: 'county', code: '610103', province: '陕西省', city: '西安市', county: '碑林区' });
    expect(resolveDivision(['廊坊市', '广阳区'], none).division).toEqual({ level: 'county', code: '131003', province: '河北省', city: '廊坊市', county: '广阳区' });
    expect(resolveDivision(['若羌县'], none).division).toEqual({ level: 'county', code: '652824', province: '新疆维吾尔自治区', city: '巴音郭楞蒙古自治州', county: '若羌县' });
    expect(resolveDivision(['秦皇岛市'], none).division).toEqual({ level: 'city', code: '130300', province: '河北省', city: '秦皇岛市' });
    expect(resolveDivision(['北京市', '东城区'], none).division).toEqual({ level: 'county', code: '110101', province: '北京市', city: '北京市', county: '东城区' });
  });

  it('settles a shared name from the province or city the document names, or gives every candidate', () => {
    expect(resolveDivision(['城关区'], { text: '根据甘肃省兰州市有关规定' }).division?.code).toBe('620102');
    expect(resolveDivision(['城关区'], { text: '', impliedProvince: '西藏自治区' }).division?.code).toBe('540102');
    // As prose names them: 拉萨 for 拉萨市, 河南 for 河南省.
    expect(resolveDivision(['城关区'], { text: '拉萨城关区' }).division?.code).toBe('540102');
    expect(resolveDivision(['鼓楼区'], { text: '河南开封' }).division?.code).toBe('410204');
    const open = resolveDivision(['新华区'], none);
    expect(open.division).toBeUndefined();
    expect(open.ambiguousName).toBe('新华区');
    expect(open.candidates.map((c) => c.code)).toEqual(['130105', '130902', '410402']);
  });

  it('a province is implied by the region, document numbers or project codes', () => {
    expect(impliedProvince('', '甘肃省兰州市城关区')).toBe('甘肃省');
    expect(impliedProvince('根据豫财社〔2023〕12号和豫财预〔2024〕3号文件')).toBe('河南省');
    expect(impliedProvince('项目编码 62010224P00012345、62010224P00012346')).toBe('甘肃省');
    expect(impliedProvince('没有线索')).toBeUndefined();
  });

  it('a shared county name in a document that does not settle it is reported, not guessed', () => {
    const e = only('gulou-without-context.txt');
    expect(e.province).toBeUndefined();
    expect(e.county).toBeUndefined();
    const d = ingest('gulou-without-context.txt').source.diagnostics.find((x) => x.ruleId === 'region:ambiguous')!;
    expect(d).toMatchObject({ severity: 'warning', line: 3 });
    expect(d.message).toContain('福建省福州市鼓楼区');
    expect(only('gulou-with-context.txt')).toMatchObject({ province: '福建省', city: '福州市', county: '鼓楼区', divisionCode: '350102' });
  });
});

describe('partial documents', () => {
  it('a single performance sheet publishes its unit and project; the standard tables are listed as not in the document', () => {
    const e = only('partial-performance.txt');
    expect(e).toMatchObject({ name: '银川市兴庆区民政局', province: '宁夏回族自治区', city: '银川市', county: '兴庆区', year: 2024 });
    expect(e.projects.map((p) => p.name)).toEqual(['困难群众救助补助']);
    expect(e.notInDocument.map((t) => t.kind)).toEqual([
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-summary',
      'general-budget-expenditure',
      'general-budget-basic',
      'three-public',
      'government-fund-expenditure',
      'state-capital-expenditure',
    ]);
    expect(e.findings).toEqual([]);
    expect(rules('partial-performance.txt')).toEqual([]);
  });

  it('a "三公" page of its own lacks the other eight, without errors or findings', () => {
    const e = only('xinjiang-no-code-2025.txt');
    expect(e.notInDocument).toHaveLength(8);
    expect(e.notInDocument.map((t) => t.name)).not.toContain('“三公”经费支出表');
    expect(e.findings).toEqual([]);
    expect(rules('xinjiang-no-code-2025.txt')).toEqual([]);
  });
});

describe('traditional characters', () => {
  it('match through their simplified form, pinyin glosses left out', () => {
    expect(forMatching('部門預(yù)算')).toBe('部门预算');
    expect(compact('“三公”經費支出預（yù）算表')).toBe('“三公”经费支出预算表');
    // Brackets that are not a gloss stay.
    expect(forMatching('公務用車(含購置)')).toBe('公务用车(含购置)');
  });

  it('a traditional document is recognized and keeps its printed text', () => {
    const e = only('traditional.txt');
    expect(e).toMatchObject({ name: '喀什市文化館', year: 2024, province: '新疆维吾尔自治区', city: '喀什地区', county: '喀什市', unitKey: '653101:文化馆' });
    const table = e.tables[0]!;
    expect(table.kind).toBe('three-public');
    expect(table.title).toBe('部門“三公”經費支出預(yù)算表');
    expect(table.columns.map((c) => c.label)).toEqual(['項目', '合計', '一般公共預算財政撥款']);
    expect(table.rows[3]!.cells[0]!.text).toBe('三、公務接待費');
    expect(table.rows[3]!.cells[1]!.value).toBe('0.50');
  });
});
