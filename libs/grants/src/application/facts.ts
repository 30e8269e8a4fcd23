import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import type { EventStore } from '#libs/event-store';
import { ForbiddenError, NotFoundError, type Actor } from '#libs/kernel';
import { EVENT_STORE, fold, HttpResult, SQL_CLIENT, type CommandResultBody } from '#libs/platform';
import { ledgerDecider, ledgerStream, type GrantCharge, type LedgerEvent, type LedgerState } from '../domain/frame-ledger.decider.js';
import { grantDecider, type GrantEvent, type GrantFacts, type GrantState, type OverdueReport } from '../domain/grant.decider.js';
import { grantStream, parseGrantId } from '../domain/grant-id.js';
import { callStream } from '#libs/calls';

/**
 * "Today" for deadlines (R14, R15) and dates in events. The real date unless a test fixes it: tests reach it
 * through the Nest container (`app.get(GrantsClock, { strict: false }).fix('2029-01-20')`); nothing over HTTP
 * or configuration changes it.
 */
@Injectable()
export class GrantsClock {
  private fixed: string | null = null;

  today(): string {
    return this.fixed ?? new Date().toISOString().slice(0, 10);
  }

  /** Test seam: fix today's date (YYYY-MM-DD), or null for the real one. */
  fix(date: string | null): void {
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('GrantsClock.fix takes YYYY-MM-DD');
    this.fixed = date;
  }
}

/** The parts of a grant id, or 404 for an id that cannot be one. */
export function grantIdParts(grantId: string) {
  const parts = parseGrantId(grantId);
  if (!parts) throw new NotFoundError('grant', grantId);
  return parts;
}

/** R20 writing: a governor acts for its own office. */
export function assertGovernorOf(actor: Actor, office: string, what = 'This grant'): void {
  if (actor.role !== 'governor') throw new ForbiddenError(`only a governor does this; you are ${actor.role}`);
  if (actor.office !== office) throw new ForbiddenError(`${what} belongs to governor office ${office}; you act for office ${actor.office}`);
}

/** R20 writing: the recipient acts for itself. */
export function assertRecipient(actor: Actor, recipientOrg: string): void {
  if ((actor.role !== 'school_owner' && actor.role !== 'university') || actor.org !== recipientOrg) {
    throw new ForbiddenError(`only the recipient ${recipientOrg} does this; you act for ${actor.role} ${actor.org}`);
  }
}

/** R20 reading of one grant: the ministry, the office's governor, the recipient. */
export function assertCanSeeGrant(actor: Actor, office: string, recipientOrg: string): void {
  if (actor.role === 'ministry') return;
  if (actor.role === 'governor' && actor.office === office) return;
  if ((actor.role === 'school_owner' || actor.role === 'university') && actor.org === recipientOrg) return;
  throw new ForbiddenError(`grant of ${recipientOrg} in office ${office} is not visible to ${actor.role} ${actor.role === 'governor' ? actor.office : actor.org}`);
}

/** A command that creates a resource inside an existing stream (a decision in the ledger) answers 201. */
export function asCreated(result: HttpResult<CommandResultBody>, location: string): HttpResult<CommandResultBody> {
  if (result.status !== 200 || result.body.position === 0) return result;
  return new HttpResult(201, result.body, { ...result.headers, Location: location });
}

/** Reads the facts the grant handlers pass into the pure deciders: the ledger (decisions) and a grant's stream. */
@Injectable()
export class GrantFactsLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async ledger(office: string, scheme: GrantCharge['scheme']): Promise<LedgerState> {
    const events = await this.store.readStream(ledgerStream(office, scheme));
    return fold(ledgerDecider, events.map((e) => ({ type: e.type, data: e.data }) as LedgerEvent));
  }

  /** The decision behind a grant (404 when there is none). */
  async charge(grantId: string): Promise<GrantCharge> {
    const { office, scheme } = grantIdParts(grantId);
    const charge = (await this.ledger(office, scheme)).grants[grantId];
    if (!charge) throw new NotFoundError('grant', grantId);
    return charge;
  }

  facts(charge: GrantCharge): GrantFacts {
    return { grantId: charge.grantId, office: charge.office, scheme: charge.scheme, recipientOrg: charge.recipientOrg, recipientKind: charge.recipientKind, status: charge.status, lines: charge.lines };
  }

  async grantState(grantId: string): Promise<GrantState> {
    const events = await this.store.readStream(grantStream(grantId));
    return fold(grantDecider, events.map((e) => ({ type: e.type, data: e.data }) as GrantEvent));
  }

  /**
   * R15: the recipient's reports past their deadline and not submitted, over all its accepted grants. Candidates
   * (grant years past their deadline) come from the read model plus the grant at hand; each is confirmed on its
   * grant's own stream (accepted, no report yet), so an acceptance or a report of a moment ago counts.
   */
  async overdueReports(recipientOrg: string, today: string, current?: GrantFacts): Promise<OverdueReport[]> {
    const candidates = await this.overdueCandidates(recipientOrg, today);
    if (current) {
      for (const l of current.lines) {
        if (l.reportDeadline < today && !candidates.some((c) => c.grantId === current.grantId && c.year === l.year)) {
          candidates.push({ grantId: current.grantId, year: l.year, deadline: l.reportDeadline });
        }
      }
    }
    const overdue: OverdueReport[] = [];
    const states = new Map<string, GrantState>();
    for (const c of candidates) {
      if (!states.has(c.grantId)) states.set(c.grantId, await this.grantState(c.grantId));
      const state = states.get(c.grantId)!;
      if (state.accepted && !state.reports[c.year]) overdue.push(c);
    }
    return overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.grantId.localeCompare(b.grantId));
  }

  private async overdueCandidates(recipientOrg: string, today: string): Promise<OverdueReport[]> {
    const r = await this.sql.query<OverdueReport>(
      `SELECT grant_id AS "grantId", year, to_char(report_deadline, 'YYYY-MM-DD') AS deadline FROM gr_grant_years
        WHERE recipient_org = $1 AND active AND decided > 0 AND report_deadline < $2::date`,
      [recipientOrg, today],
    );
    return r.rows;
  }

  /** R14: the office's decision date for the call, from the call's own stream (null when there is no such call). */
  async decisionDate(callId: string): Promise<string | null> {
    const events = await this.store.readStream(callStream(callId));
    const opened = events.find((e) => e.type === 'CallOpened');
    return opened ? (opened.data as { decisionDate: string }).decisionDate : null;
  }
}
