/**
 * The same document as HTML, for the Chromium side of the PDF benchmark: every block of the template with the
 * same resolved text, the same tables and the same header and page numbers, printed by `page.pdf()`.
 */
import type { DocumentRecord } from '../main/pdf/documentRecord';
import { sectionLabel } from '../main/pdf/layout/blocks';
import { clauseLabels } from '../main/pdf/renderDocument';
import { tableOf } from '../main/pdf/tableSources';
import { isActive, resolveText } from '../main/pdf/templates/placeholders';
import type { DocumentTemplate } from '../main/pdf/templates/templateSchema';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const STYLE = `
@page { size: A4; margin: 28mm 22mm 22mm 22mm; }
body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt; line-height: 1.5; }
h1 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 18pt; text-align: center; letter-spacing: 0.3em; }
h2 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 12pt; margin: 10pt 0 4pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; }
td, th { border: 0.6pt solid #000; padding: 3pt; } th { background: #efefef; font-weight: normal; }
p.b { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: bold; } p.i { text-indent: 2em; }
.sig { display: flex; gap: 40pt; margin-top: 16pt; } .sig div { flex: 1; }`;

export function documentHtml(template: DocumentTemplate, record: DocumentRecord): string {
  const options = { layout: template.layout, clauseLabels: clauseLabels(template, record) };
  const r = (text: string) => escape(resolveText(text, record, template.title, options));
  const out: string[] = [`<h1>${escape(template.title)}</h1>`];
  let section = 0;
  for (const block of template.blocks) {
    if ('when' in block && !isActive(block.when, record)) continue;
    if (block.type === 'fields') {
      const cells = block.rows.filter((row) => isActive(row.when, record));
      out.push(
        `<table>${cells.map((c) => `<tr><th>${escape(c.label)}</th><td>${r(c.value)}</td></tr>`).join('')}</table>`,
      );
    } else if (block.type === 'table') {
      const t = tableOf(block.source, record, template.layout);
      const head = `<tr>${t.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>`;
      const rows = t.rows.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');
      out.push(`<table>${head}${rows}</table>`);
    } else if (block.type === 'section') {
      section += 1;
      out.push(`<h2>${sectionLabel(template.numbering, section)} ${escape(block.heading)}</h2>`);
      for (const c of block.clauses) {
        if (typeof c !== 'string' && !isActive(c.when, record)) continue;
        const text = typeof c === 'string' ? c : c.text;
        out.push(`<p class="${typeof c !== 'string' && c.bold ? 'b' : ''}">${r(text)}</p>`);
      }
    } else if (block.type === 'paragraph') {
      out.push(`<p class="i">${r(block.text)}</p>`);
    } else {
      out.push(
        `<div class="sig">${block.parties.map((p) => `<div><p class="b">${escape(p.role)}（盖章）：</p><p>${r(p.name)}</p>${p.lines.map((l) => `<p>${escape(l)}：________________</p>`).join('')}</div>`).join('')}</div>`,
      );
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${out.join('\n')}</body></html>`;
}

export const headerTemplate = (record: DocumentRecord) =>
  `<div style="font-size:8pt;width:100%;margin:0 22mm;display:flex;justify-content:space-between;border-bottom:0.8pt solid #000"><span>${escape(record.hall.utilityName)} ${escape(record.hall.name)}</span><span>编号：${escape(record.documentNo)}</span></div>`;

export const footerTemplate =
  '<div style="font-size:8pt;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';
