import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AmendRecommendationDto } from './amend-recommendation.dto.js';
import { AmendRecommendationCommand } from './amend-recommendation.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('recommendations')
export class AmendRecommendationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':recommendationId/amendments')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Amend the recommendation with a reason: a new revision, the old ones stay readable (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string, @Body() body: AmendRecommendationDto) {
    return this.commands.execute(new AmendRecommendationCommand(meta, id, body));
  }
}
