import { ConflictError, ForbiddenError, NotFoundError } from '#libs/kernel';
import { A, co, content, drafted, history, invite, lead, other, spec } from '../needs-assessment.fixtures.js';

describe("update an assessment's content", () => {
  it('Given a draft, When the lead updates the content, Then NeedsAssessmentContentUpdated with the next revision', () => {
    spec
      .given([drafted])
      .when({ type: 'UpdateContent', actor: lead, content })
      .then([{ type: 'NeedsAssessmentContentUpdated', data: { assessmentId: A, content, revision: 2 } }]);
  });

  it("R20: an owner outside the assessment gets not-found, a network owner doing the lead's work forbidden", () => {
    const net = history([drafted], invite());
    spec.given(net).when({ type: 'UpdateContent', actor: other, content }).thenThrows(NotFoundError);
    spec.given(net).when({ type: 'UpdateContent', actor: co, content }).thenThrows(ForbiddenError);
  });

  it('national goals are from the list; free themes go in tags', () => {
    spec
      .given([drafted])
      .when({ type: 'UpdateContent', actor: lead, content: { ...content, themes: { goals: ['happiness'], tags: [] } } })
      .thenViolatesExactly([['themes', 'themes.goals[0]']]);
  });

  it('a withdrawn assessment takes no more changes', () => {
    const withdrawn = [drafted, { type: 'NeedsAssessmentWithdrawn', data: { assessmentId: A, reason: 'x' } } as const];
    spec.given(withdrawn).when({ type: 'UpdateContent', actor: lead, content }).thenThrows(ConflictError);
  });
});
