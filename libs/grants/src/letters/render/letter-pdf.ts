import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { LetterBlock, LetterModel } from '../model/letter.model.js';

/** DejaVu Sans from the `dejavu-fonts-ttf` package, embedded (subset) in every letter: æ, ø, å and «» everywhere. */
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const fontsOnce = () =>
  (fonts ??= { regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')), bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')) });

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
type Doc = InstanceType<typeof PDFDocument>;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function table(doc: Doc, b: Extract<LetterBlock, { type: 'table' }>) {
  const first = 70;
  const rest = (WIDTH - first) / Math.max(1, b.columns.length - 1);
  const row = (cells: string[], bold: boolean) => {
    ensureRoom(doc, 16);
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
    cells.forEach((cell, i) => {
      const x = i === 0 ? MARGIN : MARGIN + first + (i - 1) * rest;
      doc.text(cell, x, y, { width: i === 0 ? first : rest - 4, align: i === 0 ? 'left' : 'right', lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = y + 15;
  };
  row(b.columns, true);
  doc
    .moveTo(MARGIN, doc.y - 2)
    .lineTo(MARGIN + WIDTH, doc.y - 2)
    .lineWidth(0.5)
    .stroke();
  b.rows.forEach((r) => row(r, false));
  if (b.total) row(b.total, true);
  doc.moveDown(0.6);
}

function block(doc: Doc, b: LetterBlock) {
  switch (b.type) {
    case 'heading':
      ensureRoom(doc, 40);
      doc.moveDown(0.4).font('bold').fontSize(11).text(b.text, MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.2);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(10).text(b.text, MARGIN, doc.y, { width: WIDTH, lineGap: 1.5 });
      doc.moveDown(0.5);
      return;
    case 'table':
      return table(doc, b);
  }
}

function head(doc: Doc, m: LetterModel) {
  const [office, ...lines] = m.letterhead;
  doc
    .font('bold')
    .fontSize(13)
    .text(office, MARGIN, MARGIN, { width: WIDTH * 0.6 });
  doc.font('regular').fontSize(8.5).fillColor('#444444');
  for (const l of lines) doc.text(l, { width: WIDTH * 0.6 });
  const bottom = doc.y;
  doc.fillColor('black').fontSize(9.5);
  m.references.forEach(([k, v], i) =>
    doc.text(`${k}: ${v}`, MARGIN + WIDTH * 0.6, MARGIN + i * 14, { width: WIDTH * 0.4, align: 'right' }),
  );
  doc.y = Math.max(bottom, MARGIN + 14 * m.references.length) + 28;
  doc.fontSize(10.5);
  for (const l of m.recipient) doc.text(l, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(1.5).font('bold').fontSize(14).text(m.title, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.6);
}

/**
 * R22: a letter as PDF. Deterministic: fixed CreationDate/ModDate (the letter's date) and metadata make
 * PDFKit's document ID and bytes the same for the same letter; fonts are embedded, nothing reads a clock.
 */
export function renderLetterPdf(m: LetterModel): Promise<Buffer> {
  const date = new Date(`${m.date}T00:00:00Z`);
  const { regular, bold } = fontsOnce();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: regular as unknown as string,
    lang: m.language === 'nn' ? 'nn-NO' : 'nb-NO',
    info: {
      Title: `${m.title} (${m.caseNumber})`,
      Author: m.letterhead[0],
      Subject: m.caseNumber,
      Creator: 'Dekomp',
      Producer: 'Dekomp',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  head(doc, m);
  for (const b of m.blocks) block(doc, b);
  ensureRoom(doc, 90);
  doc.moveDown(1).font('regular').fontSize(10);
  for (const l of m.closing) doc.text(l, MARGIN, doc.y, { width: WIDTH });
  doc.end();
  return done;
}
