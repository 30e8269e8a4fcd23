import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { LetterModel } from '../model/letter.model.js';
import { renderLetterHtml } from './letter-html.js';
import { renderLetterPdf } from './letter-pdf.js';

/**
 * A letter in the form the client prefers: HTML when its Accept prefers text/html over application/pdf (a
 * browser preview), PDF otherwise (the letter itself).
 */
export async function letterResponse(req: Request, res: Response, model: LetterModel, fileName: string): Promise<StreamableFile | string> {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  res.setHeader('Vary', 'Accept');
  if (req.accepts(['application/pdf', 'text/html']) === 'text/html') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return renderLetterHtml(model);
  }
  const pdf = await renderLetterPdf(model);
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${safe}.pdf"`, length: pdf.length });
}
