import { Global, Module } from '@nestjs/common';
import { CALL_CATALOG } from '#libs/kernel';
import { StreamCallCatalog } from './call/catalog/call-catalog.js';
import { CqrsModule } from '@nestjs/cqrs';
import { ExtendCallDeadlineHandler } from './call/extend-deadline/extend-deadline.handler.js';
import { ExtendCallDeadlineRoute } from './call/extend-deadline/extend-deadline.route.js';
import { OpenCallHandler } from './call/open-call/open-call.handler.js';
import { OpenCallRoute } from './call/open-call/open-call.route.js';
import { GetCallHandler, GetCallHistoryHandler, ListCallsHandler } from './read-model/calls/calls.queries.js';
import { CallsRoute } from './read-model/calls/calls.route.js';

/** Global, so its port reaches every capability. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [OpenCallRoute, ExtendCallDeadlineRoute, CallsRoute],
  providers: [
    OpenCallHandler,
    ExtendCallDeadlineHandler,
    ListCallsHandler,
    GetCallHandler,
    GetCallHistoryHandler,
    { provide: CALL_CATALOG, useClass: StreamCallCatalog },
  ],
  exports: [CALL_CATALOG],
})
export class CallsModule {}
