import { createHash } from 'node:crypto';
import { decisionEvent, GRANT, names, settings } from '../letters.fixtures.js';
import { grantLetter } from '../model/grant-letter.js';
import { grantLetterFacts, grantLetterSteps } from '../model/grant-steps.js';
import { renderLetterHtml } from './letter-html.js';
import { renderLetterPdf } from './letter-pdf.js';

const letter = () => grantLetter(grantLetterFacts(grantLetterSteps(GRANT, [decisionEvent()], [])[0], settings(), names));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('rendering a letter (R22)', () => {
  it('the same events give the same PDF bytes, twice', async () => {
    const a = await renderLetterPdf(letter());
    const b = await renderLetterPdf(letter());
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(a)).toBe(sha(b));
  });

  it('another letter gives other bytes', async () => {
    const other = grantLetter(
      grantLetterFacts(grantLetterSteps(GRANT, [decisionEvent({ caseNumber: '2028/DEKOMP-2' })], [])[0], settings(), names),
    );
    expect(sha(await renderLetterPdf(other))).not.toBe(sha(await renderLetterPdf(letter())));
  });

  it('the HTML preview carries the same words, escaped', () => {
    const html = renderLetterHtml({ ...letter(), recipient: ['A & B <kommune>'] });
    expect(html).toContain('<h1>Vedtak om tilskudd – 2028</h1>');
    expect(html).toContain('A &amp; B &lt;kommune&gt;');
    expect(html).toContain('15. januar 2029');
  });
});
