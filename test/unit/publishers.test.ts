/**
 * Who a document speaks for when it is not a unit's own budget with a
 * name line: code labels beside or below the name label, names of every
 * kind of budget unit, a year printed only in a table title, and summaries
 * published for a level of government (区本级, 市级, 发布机构) rather than a
 * unit. Small documents under test/fixtures/identity/, expected values
 * read off them by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSource, type IngestResult } from '../../src/ingest/ingest.ts';
import { isOrganisationName, parseCodeLabel, parseNameLabel, parseTableTitleYear } from '../../src/ingest/recognize/identity.ts';
import { parsePublisherLabel, parseRegionalPublisher } from '../../src/ingest/recognize/publisher.ts';
import { titleOfFileName } from '../../src/ingest/recognize/file-title.ts';

function ingest(file: string): IngestResult {
  return ingestSource(file, readFileSync(`test/fixtures/identity/${file}`));
}
function only(file: string) {
  const { entities } = ingest(file);
  expect(entities).toHaveLength(1);
  return entities[0]!;
}
const errors = (result: IngestResult) => result.source.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);

describe('names of every kind of budget unit', () => {
  it.each([
    '太原市小店区坞城第二中学',
    '南宁市青秀区滨湖路小学',
    '大连市沙河口区第三幼儿园',
    '六安市裕安区人民医院',
    '临夏县土桥镇卫生院',
    '芜湖市镜湖区赭山街道办事处',
    '平和县九峰镇人民政府',
    '寿光市洛城街道东斟灌村民委员会',
    '衢州市柯城区个体劳动者协会',
    '海南省热带农业科学研究所',
    '遵义市红花岗区革命历史纪念馆',
    '伊春市乌翠区国有林场',
    '延吉市青少年宫',
    '沈阳工业大学',
    '鹤壁市淇滨区妇联',
    '丽水市莲都区科协',
    '江西省洪都监狱',
    '德清县新市镇',
    '屏边县新华乡',
    '石家庄市长安区建北街道',
    '阿荣旗向阳峪镇东光村',
  ])('%s is an organisation', (name) => {
    expect(isOrganisationName(name)).toBe(true);
  });

  it.each(['一般公共预算支出表', '2024年预算说明', '重庆市市级', '按照县政府要求推进城乡'])('%s is not', (name) => {
    expect(isOrganisationName(name)).toBe(false);
  });
});

describe('code labels', () => {
  it('reads the code and what follows it on the line', () => {
    expect(parseCodeLabel('部门编码：611002　单位名称：榆林市榆阳区人民医院　　单位：万元')).toEqual({ code: '611002', rest: '单位名称：榆林市榆阳区人民医院　　单位：万元' });
    expect(parseCodeLabel('单位编码：207015')).toEqual({ code: '207015', rest: '' });
    expect(parseCodeLabel('科目编码	科目名称	合计')).toBeNull();
  });

  it('a code label below the name label gives the unit its code; markup in the name is kept as printed', () => {
    const e = only('school-code-after-name.txt');
    expect(e).toMatchObject({
      code: '207015',
      name: '太原市小店区坞城第二中学',
      printedName: '太原市小店区<b>坞城</b>第二中学',
      province: '山西省',
      city: '太原市',
      county: '小店区',
      year: 2025,
    });
    expect(e.tables.map((t) => t.kind)).toEqual(['three-public']);
  });

  it('markup escaped as character references never loses the unit', () => {
    const e = only('escaped-markup-name.txt');
    expect(e).toMatchObject({
      name: '拉萨市城关区八廓街道办事处',
      printedName: '拉萨市城关区&lt;script&gt;alert(2)&lt;/script&gt;八廓街道办事处',
      province: '西藏自治区',
      city: '拉萨市',
      county: '城关区',
      year: 2024,
    });
  });

  it('a code label and a name label on one caption line', () => {
    expect(only('code-name-caption.txt')).toMatchObject({ code: '611002', name: '榆林市榆阳区人民医院', county: '榆阳区', year: 2022 });
  });

  it('a code opening the value of 编制部门', () => {
    const e = only('code-in-compiler-label.txt');
    expect(e).toMatchObject({ code: '305001', name: '昆明市五华区应急管理局', province: '云南省', county: '五华区', year: 2023, unit: '元' });
  });
});

describe('a year printed only in a table title', () => {
  it('parses a title that opens with its year', () => {
    expect(parseTableTitleYear('2024年项目支出绩效目标表')).toBe(2024);
    expect(parseTableTitleYear('2023年度“三公”经费支出情况表')).toBe(2023);
    expect(parseTableTitleYear('2024年我局完成了绩效自评，详见附表')).toBeNull();
  });

  it('publishes a document holding one project performance sheet', () => {
    const result = ingest('performance-year-in-title.txt');
    expect(errors(result)).toEqual([]);
    const e = only('performance-year-in-title.txt');
    expect(e).toMatchObject({ name: '嘉兴市南湖区文化广电旅游体育局', year: 2024, county: '南湖区' });
    expect(e.tables.map((t) => t.kind)).toEqual(['project-performance']);
    expect(e.projects).toHaveLength(1);
  });
});

describe('documents published for a level of government', () => {
  it('reads the level and its place', () => {
    expect(parseRegionalPublisher('2023年县本级“三公”经费预算支出表')).toEqual({ name: '县本级', placed: false });
    expect(parseRegionalPublisher('成都市市级2025年“三公”经费预算汇总情况')).toEqual({ name: '成都市市级', placed: true });
    expect(parseRegionalPublisher('襄阳市2021年市直部门预算项目支出绩效目标表')).toEqual({ name: '襄阳市市直部门', placed: true });
    expect(parseRegionalPublisher('按照区政府的要求，经汇总，2020年全区一般公共预算')).toEqual({ name: '全区', placed: false });
    expect(parseRegionalPublisher('本局负责全市食品安全监督工作。')).toBeNull();
    expect(parsePublisherLabel('[ 发布机构 ]')).toEqual({ value: '' });
    expect(parsePublisherLabel('发布机构：滨州市财政局')).toEqual({ value: '滨州市财政局' });
  });

  it('a county-level "三公" summary is published as 县本级 with its table', () => {
    const e = only('county-own-sangong.txt');
    expect(e).toMatchObject({ name: '县本级', level: 'department', year: 2023, unit: '万元' });
    expect(e.code).toBeUndefined();
    expect(e.tables.map((t) => t.kind)).toEqual(['three-public']);
    expect(e.tables[0]!.rows.find((r) => r.name === '合计')?.cells.find((c) => c.value !== undefined)?.value).toBe('1286');
    // No place is printed: said so at the line that names the level.
    const warning = ingest('county-own-sangong.txt').source.diagnostics.filter((d) => d.ruleId === 'region:not-named');
    expect(warning.map((d) => [d.severity, d.line])).toEqual([['warning', 1]]);
  });

  it('a district-level summary placed only by its text gets its district in the id, so two districts never share one', () => {
    const hexi = only('district-own-sangong-hexi.txt');
    const nankai = only('district-own-sangong-nankai.txt');
    expect(hexi).toMatchObject({ id: 'tianjinshi-hexiqu-2023-qubenji', name: '区本级', province: '天津市', county: '河西区', year: 2023 });
    expect(nankai).toMatchObject({ id: 'tianjinshi-nankaiqu-2023-qubenji', name: '区本级', province: '天津市', county: '南开区', year: 2023 });
    expect(ingest('district-own-sangong-hexi.txt').source.diagnostics.map((d) => d.ruleId)).not.toContain('region:not-named');
  });

  it('a level that no text places is told apart by its file, never shared', () => {
    expect(only('county-own-sangong.txt').id).toBe('file-county-own-sangong-2023-xianbenji');
    const same = ingestSource('other-county.txt', readFileSync('test/fixtures/identity/county-own-sangong.txt')).entities[0]!;
    expect(same.id).toBe('file-other-county-2023-xianbenji');
  });

  it('a city-level summary is published as the city level, placed in its city, before its 发布机构', () => {
    const e = only('city-level-summary.txt');
    expect(e).toMatchObject({ id: 'chengdushi-2025-shiji', name: '成都市市级', level: 'department', province: '四川省', city: '成都市', year: 2025 });
    expect(ingest('city-level-summary.txt').source.diagnostics.map((d) => d.ruleId)).not.toContain('region:not-named');
  });

  it('a summary naming only its publisher by a 发布机构 label is published as that publisher', () => {
    const e = only('publisher-label-only.txt');
    expect(e).toMatchObject({ name: '滨州市财政局', province: '山东省', city: '滨州市', year: 2022 });
  });

  it('a text that names nobody keeps a located entity:not-found that says what was looked for', () => {
    const result = ingest('no-publisher.txt');
    expect(result.entities).toEqual([]);
    const notFound = result.source.diagnostics.find((d) => d.ruleId === 'entity:not-found')!;
    expect(notFound.severity).toBe('error');
    expect(notFound.line).toBe(0);
    for (const sought of ['单位名称', '单位编码', '发布机构', '区本级', '某某局2024年部门预算']) expect(notFound.message).toContain(sought);
  });
});

describe('documents where some units print a code and others only a name', () => {
  it('publishes every unit, each with its own table', () => {
    const { entities } = ingest('mixed-coded-named.txt');
    expect(entities.map((e) => [e.id, e.name, e.code ?? null])).toEqual([
      ['mianyangshi-fuchengqu-2024-305001', '绵阳市涪城区教育局本级', '305001'],
      ['mianyangshi-fuchengqu-2024-shiyanyoueryuan', '绵阳市涪城区实验幼儿园', null],
      ['mianyangshi-fuchengqu-2024-305003', '绵阳市涪城区教师发展中心', '305003'],
    ]);
    const total = (i: number) => entities[i]!.tables[0]!.rows.flatMap((r) => r.cells).find((c) => c.value !== undefined)?.value;
    expect(entities.map((e) => e.tables.length)).toEqual([1, 1, 1]);
    expect([total(0), total(1), total(2)]).toEqual(['18.60', '2.40', '3.10']);
  });
});

describe('a department file that names its units without codes', () => {
  it('publishes the department its title names and each unit apart, 机关 included', () => {
    const { entities } = ingest('department-named-units.txt');
    expect(entities.map((e) => [e.id, e.name, e.level, e.county, e.tables.length])).toEqual([
      ['ruoqiangxian-2024-shuiliju', '若羌县水利局', 'department', '若羌县', 1],
      ['ruoqiangxian-2024-shuilijujiguan', '若羌县水利局机关', 'unit', '若羌县', 1],
      ['ruoqiangxian-2024-shuiligongchengguanlizhan', '若羌县水利工程管理站', 'unit', '若羌县', 1],
    ]);
    expect(entities.map((e) => e.tables[0]!.rows[0]!.cells[2]!.value)).toEqual(['300.00', '200.00', '100.00']);
  });
});

describe('a year written in Chinese numerals', () => {
  it.each([
    ['若羌县水利局二〇二四年部门预算', 2024],
    ['若羌县水利局 二零二四年 部门预算', 2024],
    ['若羌县水利局二〇二三年度部门决算', 2023],
  ])('%s gives the unit and year %i', (title, year) => {
    const text = `${title}\n\n表3 一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t180.00\t120.00\n`;
    const [entity] = ingestSource('chinese-year.txt', new TextEncoder().encode(text)).entities;
    expect([entity?.name, entity?.year, entity?.county]).toEqual(['若羌县水利局', year, '若羌县']);
  });
});

describe('name labels of printed forms', () => {
  it.each(['编制单位（盖章）：若羌县水利局', '单位名称（公章）：若羌县水利局', '填报单位(盖章):若羌县水利局', '预算部门：若羌县水利局', '编报单位：若羌县水利局　　单位：万元'])('%s names 若羌县水利局', (line) => {
    expect(parseNameLabel(line)).toBe('若羌县水利局');
  });

  it('主管部门 names the department over a project, not the unit a document is for', () => {
    expect(parseNameLabel('主管部门：若羌县水利局')).toBeNull();
  });
});

describe('a document named only by its file', () => {
  const FRAGMENT = '六、一般公共预算基本支出情况说明\n2023 年本年一般公共预算基本支出 911000.39 元，其中：\n人员经费 809961.19 元。\n公用经费 71339.2 元。\n';

  it.each([
    ['附件1：梧州市长洲区档案馆2023年部门预算.txt', '梧州市长洲区档案馆2023年部门预算'],
    ['001_若羌县水利局2024年部门决算.pdf', '若羌县水利局2024年部门决算'],
    ['reports/3-若羌县水利局.xlsx', '若羌县水利局'],
    ['r12_wuzhou_F81E71_2023.txt', null],
  ])('reads %s as the title %s', (file, title) => {
    expect(titleOfFileName(file)).toBe(title);
  });

  it('takes the unit from the file name when the text names none, and says so', () => {
    const { source, entities } = ingestSource('附件1：梧州市长洲区档案馆2023年部门预算.txt', new TextEncoder().encode(FRAGMENT));
    expect(entities.map((e) => [e.id, e.name, e.year, e.province, e.city, e.county])).toEqual([
      ['wuzhoushi-changzhouqu-2023-danganguan', '梧州市长洲区档案馆', 2023, '广西壮族自治区', '梧州市', '长洲区'],
    ]);
    expect(source.diagnostics.filter((d) => d.ruleId.startsWith('entity:')).map((d) => [d.ruleId, d.line])).toEqual([['entity:from-file-name', 0]]);
  });

  it('keeps the unit the text names over the file name', () => {
    const text = `若羌县水利局2024年部门预算\n\n${FRAGMENT}`;
    const { entities } = ingestSource('梧州市长洲区档案馆2023年部门预算.txt', new TextEncoder().encode(text));
    expect(entities.map((e) => [e.name, e.year])).toEqual([['若羌县水利局', 2024]]);
  });

  it('without a title in the file name either, reports entity:not-found', () => {
    const { source, entities } = ingestSource('r12_wuzhou_F81E71_2023.txt', new TextEncoder().encode(FRAGMENT));
    expect(entities).toEqual([]);
    expect(source.diagnostics.map((d) => d.ruleId)).toContain('entity:not-found');
  });
});
