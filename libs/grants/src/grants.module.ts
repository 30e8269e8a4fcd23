import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GRANT_COMMAND_HANDLERS } from './application/commands.js';
import { GrantFactsLoader, GrantsClock } from './application/facts.js';
import { GRANT_QUERY_HANDLERS } from './application/queries.js';
import { FramesController, GrantOverviewsController, GrantsController } from './http/grants.controller.js';

/** Frames, allocation decisions, acceptance and co-financing, payments, reports and settlement. */
@Module({
  imports: [CqrsModule],
  controllers: [FramesController, GrantsController, GrantOverviewsController],
  providers: [GrantsClock, GrantFactsLoader, ...GRANT_COMMAND_HANDLERS, ...GRANT_QUERY_HANDLERS],
  exports: [GrantsClock],
})
export class GrantsModule {}
