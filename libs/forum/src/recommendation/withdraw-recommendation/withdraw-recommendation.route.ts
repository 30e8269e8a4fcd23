import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { WithdrawRecommendationDto } from './withdraw-recommendation.dto.js';
import { WithdrawRecommendationCommand } from './withdraw-recommendation.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('recommendations')
export class WithdrawRecommendationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':recommendationId/withdrawal')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Withdraw the recommendation with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  withdraw(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string, @Body() body: WithdrawRecommendationDto) {
    return this.commands.execute(new WithdrawRecommendationCommand(meta, id, body));
  }
}
