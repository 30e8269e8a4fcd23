import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/kernel';
import { historyPage, Page, queryPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { officeNameSql } from '#libs/projections';
import { Call } from '../../call/call.aggregate.js';
import type { CallView } from './calls.view.js';

export class ListCalls {
  constructor(
    readonly filter: { office?: string; scheme?: string; year?: number },
    readonly page: PageRequest,
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
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

const SELECT = `SELECT call_id AS "callId", office, ${officeNameSql('office')} AS "officeName", scheme, year, title, to_char(deadline, 'YYYY-MM-DD') AS deadline,
  to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", rule_set_version AS "ruleSetVersion",
  deadline_extensions AS "deadlineExtensions", opened_at AS "openedAt", version FROM calls`;

@QueryHandler(ListCalls)
export class ListCallsHandler implements IQueryHandler<ListCalls, Page<CallView>> {
  constructor(private readonly readModels: ReadModels) {}

  /** Latest year first, then by office and scheme (a call's id is unique per office, scheme and year). */
  execute({ filter, page, asOf }: ListCalls) {
    return this.readModels.run(['calls'], asOf, (sql) =>
      queryPage<CallView>(sql, page, {
        select: `${SELECT} WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scheme = $2) AND ($3::int IS NULL OR year = $3)`,
        params: [filter.office ?? null, filter.scheme ?? null, filter.year ?? null],
        key: [
          { expr: 'year', type: 'int', desc: true },
          { expr: 'office', type: 'text' },
          { expr: 'scheme', type: 'text' },
          { expr: '"callId"', type: 'text' },
        ],
      }),
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
export class GetCallHistoryHandler implements IQueryHandler<GetCallHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ callId, page, asOf }: GetCallHistory) {
    return historyPage(await this.readModels.existingHistory('call', callId, Call.streamOf(callId), asOf), page);
  }
}
