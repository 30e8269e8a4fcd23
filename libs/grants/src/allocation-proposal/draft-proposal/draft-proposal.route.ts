import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOf, CommandContext, CommandResultDto, Created } from '#libs/http';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { CommandRunner, Versioned, type CommandMeta } from '#libs/platform';
import { AllocationProposal } from '../allocation-proposal.aggregate.js';
import { DraftProposalDto } from './draft-proposal.dto.js';
import { DraftProposalCommand } from './draft-proposal.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller('allocation-proposals')
export class DraftProposalRoute {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: CommandRunner,
  ) {}

  @Post()
  @Roles('governor')
  @Created('/allocation-proposals/{id}')
  @ApiOperation({
    summary:
      'R25: propose a split of an amount (default: the free amount, R18) over the recommended or submitted measures by a key; a draft that charges nothing',
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  draft(@CommandContext() meta: CommandMeta, @Body() body: DraftProposalDto) {
    return this.commands.execute(new DraftProposalCommand(meta, body));
  }

  @Get(':proposalId')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'A proposal as drafted: lines per measure and recipient and year, co-financing, effect on the frames (R25)' })
  @ApiOkResponse({ description: 'The proposal' })
  @ApiRead()
  async get(@CurrentActor() actor: Actor, @Param('proposalId') id: string, @AsOf() asOf?: number) {
    const { state, version } = await this.runner.load(AllocationProposal, id, asOf);
    if (!state.proposal || !AccessPolicy.canSee(actor, { office: state.proposal.office }))
      throw new NotFoundError('allocation proposal', id);
    return new Versioned(state.proposal, version);
  }
}
