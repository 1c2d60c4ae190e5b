/**
 * PDFs printed by Chromium from an HTML page (the system Chromium through
 * playwright-core, never a downloaded browser): its tables come out as a
 * browser or an office suite exports them, borders drawn as thin filled bars
 * and text in runs of its own choosing.
 */
import { launchBrowser } from '../../src/bench/browser.ts';

export async function printHtml(html: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:9px;width:100%;text-align:center;font-family:\'Noto Sans CJK SC\'">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>' }));
  } finally {
    await browser.close();
  }
}

/** A county bureau's project expenditure table as a web page: a two-row header with merged cells, long enough to run over two pages. */
export function projectTableHtml(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => {
    const n = i + 1;
    const amount = (1000 + n * 37.5).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `<tr><td>2120${String(n).padStart(3, '0')}</td><td>第${n}号地块测绘项目</td><td class="n">${amount}</td><td class="n">${n % 3 === 0 ? '' : amount}</td><td class="n">${n % 3 === 0 ? amount : '—'}</td></tr>`;
  }).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10pt; }
h1 { text-align: center; font-size: 18pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; }
td.n { text-align: right; }
thead { display: table-header-group; }
.cap { display: flex; justify-content: space-between; }
</style></head><body>
<h1>项目支出预算表</h1>
<div class="cap"><span>703015 云岭县自然资源局</span><span>单位：元</span></div>
<table>
<thead>
<tr><th rowspan="2">项目编码</th><th rowspan="2">项目名称</th><th rowspan="2">合计</th><th colspan="2">资金来源</th></tr>
<tr><th>一般公共预算</th><th>政府性基金预算</th></tr>
</thead>
<tbody>
${body}
</tbody>
</table>
</body></html>`;
}
