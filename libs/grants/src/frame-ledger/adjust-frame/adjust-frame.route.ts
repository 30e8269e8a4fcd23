import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { schemeOf } from '../../common/scheme-param.js';
import { AdjustFrameDto } from './adjust-frame.dto.js';
import { AdjustFrameCommand } from './adjust-frame.handler.js';

@ApiTags('frames')
@ApiBearerAuth('bearer')
@Controller('frames')
export class AdjustFrameRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':office/:scheme/:year/adjustments')
  @Roles('ministry')
  @ApiOperation({ summary: 'Adjust a frame, with a reason; never below what is charged to it (R18)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  adjust(
    @CommandContext() meta: CommandMeta,
    @Param('office') office: string,
    @Param('scheme') scheme: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: AdjustFrameDto,
  ) {
    return this.commands.execute(new AdjustFrameCommand(meta, office, schemeOf(scheme), year, body));
  }
}
