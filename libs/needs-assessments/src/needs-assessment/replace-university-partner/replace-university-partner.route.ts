import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ReplaceUniversityDto } from './replace-university-partner.dto.js';
import { ReplaceUniversityPartnerCommand } from './replace-university-partner.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class ReplaceUniversityPartnerRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/measures/:measureId/university-replacement')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: name another university after the partner declined (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  replaceUniversity(
    @CommandContext() meta: CommandMeta,
    @Param('id') id: string,
    @Param('measureId') measureId: string,
    @Body() body: ReplaceUniversityDto,
  ) {
    return this.commands.execute(new ReplaceUniversityPartnerCommand(meta, id, measureId, body));
  }
}
