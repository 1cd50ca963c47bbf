/**
 * The same document as HTML, for the Chromium side of the PDF benchmark: every block of the template with the
 * same resolved text, the same tables and the same header and page numbers, printed by `page.pdf()`.
 */
import type { DocumentRecord } from '../main/pdf/documentRecord';
import { sectionLabel } from '../main/pdf/layout/blocks';
import { boundaryDiagramOf, type BoundaryDiagram } from '../main/pdf/layout/boundaryDiagram';
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

/** The 产权分界示意图 as inline SVG: the same lines and labels the PDF draws, one row per source. */
function diagramSvg(diagram: BoundaryDiagram): string {
  const rows = diagram.sources.map(
    (
      s,
    ) => `<svg width="100%" viewBox="0 0 470 160" style="font-size:8px"><text y="10" font-weight="bold">${escape(s.title)}</text>
<text x="230" y="26" text-anchor="end">供电人产权（电源侧）</text><text x="242" y="26">用电人产权（负荷侧）</text>
<rect x="0" y="54" width="96" height="48" fill="none" stroke="#000"/><text x="48" y="80" text-anchor="middle">${escape(s.substation)}</text>
<line x1="96" y1="78" x2="330" y2="78" stroke="#000"/><text x="165" y="70" text-anchor="middle">${escape(s.line)}</text>
<line x1="236" y1="34" x2="236" y2="100" stroke="#000" stroke-dasharray="4 3"/><circle cx="236" cy="78" r="3.5"/>
<text x="236" y="112" text-anchor="middle" font-weight="bold">产权分界点</text><text x="236" y="126" text-anchor="middle">${escape(s.boundaryPoint)}</text>
<line x1="330" y1="52" x2="330" y2="104" stroke="#000" stroke-width="2.4"/><text x="330" y="116" text-anchor="middle">${escape(diagram.receivingPoint)}</text>
<circle cx="356" cy="78" r="8" fill="none" stroke="#000"/><circle cx="368" cy="78" r="8" fill="none" stroke="#000"/>
<text x="382" y="74">${escape(diagram.equipment.replace(/\n/g, ' '))}</text></svg>`,
  );
  return rows.join('');
}

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
    } else if (block.type === 'diagram') {
      out.push(
        `<h2 style="break-before:page">${escape(block.heading)}</h2>${diagramSvg(boundaryDiagramOf(record.scheme))}`,
      );
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
