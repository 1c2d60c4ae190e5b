/**
 * renderMarkdown: markdown from untrusted source text becomes sanitized
 * HTML — raw HTML shows as text, unsafe and literal links lose their link.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../src/ingest/markdown/render.ts';

describe('renderMarkdown', () => {
  it('shows a script element as escaped text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
  });

  it('shows an img with an event handler as text, inline too', () => {
    const html = renderMarkdown('图 <img src=x onerror=alert(1)> 后');
    expect(html).toBe('<p>图 &#x3C;img src=x onerror=alert(1)> 后</p>');
    expect(html).not.toContain('<img');
  });

  it('keeps a raw HTML block as a paragraph of text', () => {
    expect(renderMarkdown('<div onclick="x()">\n正文\n</div>')).toBe('<p>&#x3C;div onclick="x()">\n正文\n&#x3C;/div></p>');
  });

  it('drops javascript: links, keeping their text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(renderMarkdown('[x](JavaScript:alert(1))')).toBe('<p>x</p>');
    expect(renderMarkdown('![图](javascript:alert(1))')).toBe('<p>图</p>');
    expect(renderMarkdown('前![](javascript:alert(1))后')).toBe('<p>前后</p>');
    expect(renderMarkdown('![图](https://x.cn/a.png)')).toBe('<p><img src="https://x.cn/a.png" alt="图"></p>');
  });

  it('keeps http(s), mailto and relative links', () => {
    expect(renderMarkdown('[政府](https://www.gov.cn/) [本页](/units/x) [信](mailto:a@b.cn)')).toBe(
      '<p><a href="https://www.gov.cn/">政府</a> <a href="/units/x">本页</a> <a href="mailto:a@b.cn">信</a></p>',
    );
  });

  it('keeps a link whose text is not its address', () => {
    expect(renderMarkdown('[**网站** 首页](http://x.cn)')).toBe('<p><a href="http://x.cn"><strong>网站</strong> 首页</a></p>');
  });

  it('leaves bare addresses as text', () => {
    expect(renderMarkdown('见 http://x.cn 、www.y.cn 与 a@b.cn 及 <https://z.cn>')).toBe('<p>见 http://x.cn 、www.y.cn 与 a@b.cn 及 https://z.cn</p>');
  });

  it('renders emphasis as strong', () => {
    expect(renderMarkdown('1、**粗体**：指')).toBe('<p>1、<strong>粗体</strong>：指</p>');
  });

  it('renders lists', () => {
    expect(renderMarkdown('- 甲\n- 乙')).toBe('<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>');
    expect(renderMarkdown('1. 甲\n2. 乙')).toBe('<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>');
  });

  it('renders a GFM table and strikethrough', () => {
    expect(renderMarkdown('| 项目 | 金额 |\n|---|---|\n| 合计 | 724.39 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>项目</th>\n<th>金额</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>合计</td>\n<td>724.39</td>\n</tr>\n</tbody>\n</table>',
    );
    expect(renderMarkdown('~~删~~')).toBe('<p><del>删</del></p>');
  });

  it('shows an escaped entity literally', () => {
    expect(renderMarkdown('\\&lt;b>')).toBe('<p>&#x26;lt;b></p>');
  });

  it('renders empty markdown as an empty string', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n')).toBe('');
  });
});

describe('renderMarkdown on any markdown', () => {
  const unit = fc.constantFrom('[', ']', '(', ')', '<', '>', '!', '"', ' ', '\n', 'x', '/', ':', 'javascript:', 'JaVaScRiPt:', '&#106;', 'java\tscript:', 'img', ' src=', ' onerror=', 'alert(1)', 'a', ' href=', 'https://x.cn', 'data:', '**', '- ', '|', '---');

  it('never yields a script, an event handler or an unsafe address', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (markdown) => {
        const html = renderMarkdown(markdown);
        expect(html).not.toMatch(/<script/i);
        const attributes = [...html.matchAll(/<[a-z]+(\s[^>]*)>/g)].map((m) => m[1]!).join(' ');
        expect(attributes).not.toMatch(/\son\w+=/i);
        expect(attributes).not.toMatch(/javascript|data:/i);
      }),
    );
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://a.cn', true],
    ['http://a.cn', true],
    ['mailto:a@b.cn', true],
    ['/units/x', true],
    ['#s-1', true],
    ['a/b:c', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
