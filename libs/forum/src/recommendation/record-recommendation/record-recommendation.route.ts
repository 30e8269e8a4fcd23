import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordRecommendationDto } from './record-recommendation.dto.js';
import { RecordRecommendationCommand } from './record-recommendation.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('forums')
export class RecordRecommendationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/recommendations')
  @Roles('governor')
  @Created('/recommendations/{id}')
  @ApiOperation({
    summary:
      "Record the forum's recommendation (innstilling) for a call: consensus, vote, or no agreement (R12); every R13 part is required and every missing one is named; R11 warnings for missing member categories",
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  recordRecommendation(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: RecordRecommendationDto) {
    return this.commands.execute(new RecordRecommendationCommand(meta, forumId, body));
  }
}
