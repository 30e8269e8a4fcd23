import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { CreateForumDto } from './create-forum.dto.js';
import { CreateForumCommand } from './create-forum.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('forums')
export class CreateForumRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('governor')
  @Created('/forums/{id}')
  @ApiOperation({ summary: "Create a forum (samarbeidsforum) for some of your office's counties" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  create(@CommandContext() meta: CommandMeta, @Body() body: CreateForumDto) {
    return this.commands.execute(new CreateForumCommand(meta, body));
  }
}
