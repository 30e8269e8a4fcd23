import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExtendCallDeadlineHandler, OpenCallHandler } from './application/commands.js';
import { GetCallHandler, GetCallHistoryHandler, ListCallsHandler } from './application/queries.js';
import { CallsController } from './http/calls.controller.js';

@Module({
  imports: [CqrsModule],
  controllers: [CallsController],
  providers: [OpenCallHandler, ExtendCallDeadlineHandler, ListCallsHandler, GetCallHandler, GetCallHistoryHandler],
})
export class CallsModule {}
