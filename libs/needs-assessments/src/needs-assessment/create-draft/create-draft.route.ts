import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { CreateNeedsAssessmentDto } from './create-draft.dto.js';
import { CreateDraftCommand } from './create-draft.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class CreateDraftRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('school_owner')
  @Created('/needs-assessments/{id}')
  @ApiOperation({ summary: 'Draft a needs assessment for a call of your office, as its lead owner (R1, R19)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  create(@CommandContext() meta: CommandMeta, @Body() body: CreateNeedsAssessmentDto) {
    return this.commands.execute(new CreateDraftCommand(meta, body));
  }
}
