import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { SetFrameDto } from './set-frame.dto.js';
import { SetFrameCommand } from './set-frame.handler.js';

@ApiTags('frames')
@ApiBearerAuth('bearer')
@Controller('frames')
export class SetFrameRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ministry')
  @Created('/frames/{id}')
  @ApiOperation({ summary: "Set a governor office's frame (ramme) for a scheme and year" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  set(@CommandContext() meta: CommandMeta, @Body() body: SetFrameDto) {
    return this.commands.execute(new SetFrameCommand(meta, body));
  }
}
