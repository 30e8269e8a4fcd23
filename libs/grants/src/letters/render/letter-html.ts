import type { LetterBlock, LetterModel } from '../model/letter.model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function block(b: LetterBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'table': {
      const row = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      const total = b.total ? `<tfoot>${row(b.total, 'th')}</tfoot>` : '';
      return `<table><thead>${row(b.columns, 'th')}</thead><tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody>${total}</table>`;
    }
  }
}

const STYLE = `body{font-family:"DejaVu Sans",sans-serif;max-width:46em;margin:2em auto;line-height:1.45;color:#111}
header{display:flex;justify-content:space-between}.office{font-weight:bold;font-size:1.2em}.muted{color:#555;font-size:.85em}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{padding:.15em .8em;text-align:right}th:first-child,td:first-child{text-align:left}
thead th{border-bottom:1px solid #888}tfoot th{border-top:1px solid #888}h1{font-size:1.35em}h2{font-size:1.05em;margin-bottom:.2em}`;

/** R22: the same letter as an HTML page (a browser preview); the same blocks as the PDF. */
export function renderLetterHtml(m: LetterModel): string {
  const [office, ...lines] = m.letterhead;
  return `<!doctype html>
<html lang="${m.language === 'nn' ? 'nn' : 'nb'}"><head><meta charset="utf-8"><title>${esc(m.title)} (${esc(m.caseNumber)})</title><style>${STYLE}</style></head>
<body><header><div><div class="office">${esc(office)}</div>${lines.map((l) => `<div class="muted">${esc(l)}</div>`).join('')}</div>
<div>${m.references.map(([k, v]) => `<div>${esc(k)}: ${esc(v)}</div>`).join('')}</div></header>
<address>${m.recipient.map(esc).join('<br>')}</address>
<h1>${esc(m.title)}</h1>
${m.blocks.map(block).join('\n')}
<footer>${m.closing.map((l) => `<div>${esc(l) || '&nbsp;'}</div>`).join('')}</footer>
</body></html>`;
}
