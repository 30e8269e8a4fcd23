import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { LodgeAppealDto } from './lodge-appeal.dto.js';
import { LodgeAppealCommand } from './lodge-appeal.handler.js';

@ApiTags('appeals')
@ApiBearerAuth('bearer')
@Controller('appeals')
export class LodgeAppealRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('school_owner', 'university')
  @Created('/appeals/{id}')
  @ApiOperation({
    summary:
      'Appeal a decision letter (klage, R23): the recipient, or an owner of the measure that got less than it asked; within three weeks, or registered as late',
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  lodge(@CommandContext() meta: CommandMeta, @Body() body: LodgeAppealDto) {
    return this.commands.execute(new LodgeAppealCommand(meta, body));
  }
}
