import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { schemeOf } from '../../common/scheme-param.js';
import { ImportCommitmentsDto } from './import-commitments.dto.js';
import { ImportCommitmentsCommand } from './import-commitments.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller('frames')
export class ImportCommitmentsRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':office/:scheme/commitment-imports')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({
    summary:
      "Import the office's multi-year grants decided before Dekomp (R9 commitments): every refused row named (rows[i].…), all or nothing, a re-run of the same rows writes nothing",
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'imported, unchanged, grants' })
  @ApiCommand()
  import(
    @CommandContext() meta: CommandMeta,
    @Param('office') office: string,
    @Param('scheme') scheme: string,
    @Body() body: ImportCommitmentsDto,
  ) {
    return this.commands.execute(new ImportCommitmentsCommand(meta, office, schemeOf(scheme), body));
  }
}
