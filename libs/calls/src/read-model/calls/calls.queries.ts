import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/kernel';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { Call } from '../../call/call.aggregate.js';
import type { CallView } from './calls.view.js';

export class ListCalls {
  constructor(
    readonly filter: { office?: string; scheme?: string; year?: number },
    readonly asOf?: number,
  ) {}
}
export class GetCall {
  constructor(
    readonly callId: string,
    readonly asOf?: number,
  ) {}
}
export class GetCallHistory {
  constructor(
    readonly callId: string,
    readonly asOf?: number,
  ) {}
}

const SELECT = `SELECT call_id AS "callId", office, scheme, year, title, to_char(deadline, 'YYYY-MM-DD') AS deadline,
  to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", rule_set_version AS "ruleSetVersion",
  deadline_extensions AS "deadlineExtensions", opened_at AS "openedAt", version FROM calls`;

@QueryHandler(ListCalls)
export class ListCallsHandler implements IQueryHandler<ListCalls, CallView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ filter, asOf }: ListCalls) {
    return this.readModels.run(
      ['calls'],
      asOf,
      async (sql) =>
        (
          await sql.query<CallView>(
            `${SELECT} WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scheme = $2) AND ($3::int IS NULL OR year = $3)
           ORDER BY year DESC, office, scheme`,
            [filter.office ?? null, filter.scheme ?? null, filter.year ?? null],
          )
        ).rows,
    );
  }
}

@QueryHandler(GetCall)
export class GetCallHandler implements IQueryHandler<GetCall, Versioned<CallView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ callId, asOf }: GetCall) {
    const row = await this.readModels.run(
      ['calls'],
      asOf,
      async (sql) => (await sql.query<CallView>(`${SELECT} WHERE call_id = $1`, [callId])).rows[0],
    );
    if (!row) throw new NotFoundError('call', callId);
    return new Versioned(row, row.version);
  }
}

@QueryHandler(GetCallHistory)
export class GetCallHistoryHandler implements IQueryHandler<GetCallHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ callId, asOf }: GetCallHistory) {
    return this.readModels.existingHistory('call', callId, Call.streamOf(callId), asOf);
  }
}
