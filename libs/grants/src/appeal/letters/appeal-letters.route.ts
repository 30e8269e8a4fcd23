import { Controller, Get, Param, ParseIntPipe, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { LetterModel } from '../../letters/model/letter.model.js';
import { letterResponse } from '../../letters/render/letter-response.js';
import { GetAppealLetter } from './appeal-letters.queries.js';

@ApiTags('appeals')
@ApiBearerAuth('bearer')
@Controller('appeals')
export class AppealLettersRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get(':appealId/letters/:n')
  @ApiOperation({
    summary:
      "A letter telling the appellant an appeal's outcome (R23, R22); PDF, or HTML when Accept prefers it. The list is in GET /appeals/{id}",
  })
  @ApiProduces('application/pdf', 'text/html')
  @ApiRead()
  async letter(
    @CurrentActor() actor: Actor,
    @Param('appealId') appealId: string,
    @Param('n', ParseIntPipe) n: number,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @AsOf() asOf?: number,
  ) {
    const model: LetterModel = await this.queries.execute(new GetAppealLetter(actor, appealId, n, asOf));
    return letterResponse(req, res, model, `klage-${appealId}-${n}`);
  }
}
