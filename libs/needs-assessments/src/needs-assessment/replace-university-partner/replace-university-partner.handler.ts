import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';

export class ReplaceUniversityPartnerCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly measureId: string,
    readonly input: { universityOrg: string; reason: string },
  ) {}
}

@CommandHandler(ReplaceUniversityPartnerCommand)
export class ReplaceUniversityPartnerHandler implements ICommandHandler<ReplaceUniversityPartnerCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
  ) {}

  async execute({ meta, assessmentId, measureId, input }: ReplaceUniversityPartnerCommand) {
    assertWriter(meta.actor);
    const { state } = await this.runner.load(NeedsAssessment, assessmentId);
    const current = state.measures.find((m) => m.measureId === measureId)?.university?.org;
    const declined = current ? (await this.facts.declined([{ measureId, university: current }])).length > 0 : false;
    const university = await this.facts.org(input.universityOrg);
    const command = {
      type: 'ReplaceUniversityPartner' as const,
      actor: meta.actor,
      measureId,
      universityOrg: input.universityOrg,
      university,
      currentPartnerDeclined: declined,
      reason: input.reason,
    };
    return this.runner.run(NeedsAssessment, assessmentId, command, meta, { reason: input.reason });
  }
}
