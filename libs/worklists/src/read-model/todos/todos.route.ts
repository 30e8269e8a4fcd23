import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#libs/auth';
import { ApiRead, AsOf, ReadParamsDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetTodos } from './todos.queries.js';
import { TodoListDto } from './todos.view.js';

@ApiTags('to-dos')
@ApiBearerAuth('bearer')
@Controller('todos')
export class TodosRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "Your own to-do list, by your role and organisation: what to confirm, answer, accept, commit, report or appeal (a governor: its office's; the ministry: all)",
  })
  @ApiOkResponse({ type: TodoListDto })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() _params: ReadParamsDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetTodos(actor, asOf));
  }
}
