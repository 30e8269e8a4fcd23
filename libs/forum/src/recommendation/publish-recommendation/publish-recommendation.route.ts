import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { PublishRecommendationCommand } from './publish-recommendation.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('recommendations')
export class PublishRecommendationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':recommendationId/publication')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "Publish the recommendation to the office's school owners (R20)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  publish(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string) {
    return this.commands.execute(new PublishRecommendationCommand(meta, id));
  }
}
