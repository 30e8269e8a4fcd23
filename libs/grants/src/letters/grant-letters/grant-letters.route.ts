import { Controller, Get, Param, ParseIntPipe, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { LetterModel } from '../model/letter.model.js';
import { letterResponse } from '../render/letter-response.js';
import { GetGrantLetter, ListGrantLetters } from './grant-letters.queries.js';

@ApiTags('letters')
@ApiBearerAuth('bearer')
@Controller('grants')
export class GrantLettersRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get(':grantId/letters')
  @ApiOperation({
    summary:
      "The grant's letters (R22): decision, each amendment, revocation, repayment claim, numbered in event order (R20: recipient, its office, the ministry)",
  })
  @ApiOkResponse({ description: '[{ n, kind, date, title, caseNumber, appealDeadline, position }]' })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Param('grantId') grantId: string, @AsOf() asOf?: number) {
    return this.queries.execute(new ListGrantLetters(actor, grantId, asOf));
  }

  @Get(':grantId/letters/:n')
  @ApiOperation({
    summary: 'One letter (vedtaksbrev) as PDF, or as HTML when Accept prefers text/html (R22); the same events always give the same bytes',
  })
  @ApiProduces('application/pdf', 'text/html')
  @ApiRead()
  async letter(
    @CurrentActor() actor: Actor,
    @Param('grantId') grantId: string,
    @Param('n', ParseIntPipe) n: number,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @AsOf() asOf?: number,
  ) {
    const model: LetterModel = await this.queries.execute(new GetGrantLetter(actor, grantId, n, asOf));
    return letterResponse(req, res, model, `vedtak-${grantId}-${n}`);
  }
}
