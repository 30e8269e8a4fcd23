import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { schemeOf } from '../../common/scheme-param.js';
import { SimulateDecisionsDto } from './simulate-decisions.dto.js';
import { SimulateDecisionsCommand } from './simulate-decisions.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller('frames')
export class SimulateDecisionsRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':office/:scheme/simulations')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({
    summary:
      'What-if (R25): decisions and amendments decided on the ledger as it stands — frames, commitments, free per year, every R18/R9/R12 violation and warning — and nothing written',
  })
  @ApiOkResponse({ description: 'accepted, violations, warnings, years' })
  @ApiCommand()
  simulate(
    @CurrentActor() actor: Actor,
    @Param('office') office: string,
    @Param('scheme') scheme: string,
    @Body() body: SimulateDecisionsDto,
  ) {
    return this.commands.execute(new SimulateDecisionsCommand(actor, office, schemeOf(scheme), body));
  }
}
