import { deciderSpec } from '#libs/testing';
import { defaultLetterSettings, OfficeLetterSettings, type LetterSettingsData } from '../letter-settings.aggregate.js';

const spec = deciderSpec(OfficeLetterSettings.decider);
const nynorsk: LetterSettingsData = {
  ...defaultLetterSettings('VESTLAND'),
  language: 'nn',
  letterhead: { address: 'Njøsavegen 2, 6863 Leikanger', phone: '57 64 30 00', email: 'sfvlpost@statsforvalteren.no' },
  signatory: { name: 'Kari Nordmann', title: 'direktør' },
};

describe('set the letter settings of an office (R22)', () => {
  it('records language, letterhead, signatory and case-number format', () => {
    spec
      .given([])
      .when({ type: 'SetLetterSettings', settings: nynorsk })
      .then([{ type: 'LetterSettingsSet', data: nynorsk }]);
  });

  it('the same settings again write nothing', () => {
    expect(
      spec
        .given([{ type: 'LetterSettingsSet', data: nynorsk }])
        .when({ type: 'SetLetterSettings', settings: nynorsk })
        .events(),
    ).toEqual([]);
  });

  it('refuses a language other than bokmål or nynorsk, and a format without a sequence', () => {
    spec
      .given([])
      .when({ type: 'SetLetterSettings', settings: { ...nynorsk, language: 'en' as never, caseNumberFormat: '{year}' } })
      .thenViolatesExactly([
        ['R22', 'language'],
        ['R22', 'caseNumberFormat'],
      ]);
  });
});
