import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { SubmitCommand } from './submit.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class SubmitRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/submission')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: submit; every broken rule comes back as 422; after the deadline it is marked late (R14)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  submit(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new SubmitCommand(meta, id));
  }
}
