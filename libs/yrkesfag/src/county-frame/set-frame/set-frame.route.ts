import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YrkesfagSetFrameDto } from './set-frame.dto.js';
import { SetFrameCommand } from './set-frame.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class SetFrameRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ministry')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({ summary: "Udir sets a county municipality's YRKESFAG frame for a year, with its report deadline (R24, R26)" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  setFrame(@CommandContext() meta: CommandMeta, @Body() body: YrkesfagSetFrameDto) {
    return this.commands.execute(new SetFrameCommand(meta, body));
  }
}
