import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { LetterModel } from '../model/letter.model.js';
import { letterResponse } from '../render/letter-response.js';
import { GetRoundLetter } from './round-letter.queries.js';

@ApiTags('letters')
@ApiBearerAuth('bearer')
@Controller('offices')
export class RoundLetterRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get(':office/calls/:callId/letters/:recipientOrg')
  @ApiOperation({
    summary:
      "One letter for the office's decision round to one recipient: all its measures in the call (R22); PDF, or HTML when Accept prefers it",
  })
  @ApiProduces('application/pdf', 'text/html')
  @ApiRead()
  async letter(
    @CurrentActor() actor: Actor,
    @Param('office') office: string,
    @Param('callId') callId: string,
    @Param('recipientOrg') recipientOrg: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @AsOf() asOf?: number,
  ) {
    const model: LetterModel = await this.queries.execute(new GetRoundLetter(actor, office, callId, recipientOrg, asOf));
    return letterResponse(req, res, model, `vedtak-${callId}-${recipientOrg}`);
  }
}
