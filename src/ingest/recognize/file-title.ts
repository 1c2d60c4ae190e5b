/**
 * A document whose text names no unit (an explanation fragment, a PDF whose
 * cover is a picture) is often saved under its title: `若羌县水利局2024年部门预算.pdf`,
 * `附件1：某某局2023年部门决算公开.xlsx`. That name is read as the title the
 * text lacks, only when the text itself names no unit or no year.
 */
import type { HeadingBlock } from '../read/blocks.ts';
import { HAN } from '../han.ts';

/** Attachment numbering and a host's ordering prefix before the title (`附件1：`, `001_`, `3-`). */
const PREFIX_RE = /^(?:附件\s*\d*\s*[:：、.．\-_\s]*|\d{1,4}\s*[_\-.．、\s]+)/;
const HAN_RUN_RE = new RegExp(`[${HAN}]{2}`);

/** The base name of a file, without folders, extension and numbering, when it reads as Chinese text; else null. */
export function titleOfFileName(file: string): string | null {
  const base = file.split(/[\\/]/).at(-1) ?? file;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  let title = stem;
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title.replace(PREFIX_RE, '');
  }
  title = title.replace(/[_]+/g, ' ').trim();
  return HAN_RUN_RE.test(title) ? title : null;
}

/** The file's title as a heading before the document's first line (line 0: the file itself). */
export function fileTitleBlock(file: string): HeadingBlock | null {
  const text = titleOfFileName(file);
  return text ? { type: 'heading', depth: 1, text, line: 0 } : null;
}
