import { lead, ready, spec, submit, uni, UIA, UIS, history } from '../needs-assessment.fixtures.js';
import type { ReplaceUniversityPartner } from './replace-university-partner.decide.js';

const replace = (declined: boolean, university = uni(UIA, 'AGDER')): ReplaceUniversityPartner => ({
  type: 'ReplaceUniversityPartner',
  actor: lead,
  measureId: 'm-1',
  university,
  universityOrg: university.orgNumber,
  currentPartnerDeclined: declined,
  reason: 'UiS lacks capacity',
});

describe('replace the university partner', () => {
  it('R3: the owner replaces a partner only after the decline, with another university', () => {
    const r = ready();
    spec
      .given(r)
      .when(replace(false))
      .thenViolatesExactly([['R3', 'university']]);
    spec
      .given(r)
      .when(replace(true, uni(UIS)))
      .thenViolatesExactly([['R3', 'universityOrg']]);
    const [replaced] = spec.given(r).when(replace(true)).events();
    expect(replaced).toMatchObject({
      type: 'UniversityPartnerReplaced',
      data: { previous: { org: UIS, local: true }, university: { org: UIA, local: false }, warnings: [{ rule: 'R3' }] },
    });
  });

  it('R3: after the replacement the declined partner no longer blocks submission', () => {
    const after = history(ready(), replace(true));
    expect(
      spec
        .given(after)
        .when(submit('2027-01-15', [`m-1:${UIS}`]))
        .events()[0].type,
    ).toBe('NeedsAssessmentSubmitted');
  });
});
