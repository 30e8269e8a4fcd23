import { Inject, Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  CALL_CATALOG,
  NotFoundError,
  ORGANISATION_DIRECTORY,
  type Actor,
  type CallCatalog,
  type OrganisationDirectory,
} from '#libs/kernel';
import { PARTNERSHIP_STATUS, type PartnershipStatusPort } from '#libs/kernel';
import type { CallFacts, NeedsAssessmentState, OrgFacts } from './needs-assessment.types.js';

/** R20: only school owners write needs assessments (the routes say so too; this holds for every caller). */
export function assertWriter(actor: Actor): void {
  AccessPolicy.assertRole(actor, ['school_owner'], 'write needs assessments');
}

/** The facts the needs-assessment handlers look up through the ports and pass into the commands. */
@Injectable()
export class NeedsAssessmentFacts {
  constructor(
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
    @Inject(PARTNERSHIP_STATUS) private readonly partnerships: PartnershipStatusPort,
  ) {}

  async org(orgNumber: string): Promise<OrgFacts | null> {
    const o = await this.directory.get(orgNumber);
    return o ? { orgNumber: o.orgNumber, kind: o.kind, office: o.office } : null;
  }

  /** The call as its own stream holds it (current, including deadline extensions). */
  async call(callId: string): Promise<CallFacts> {
    const c = await this.calls.get(callId);
    if (!c) throw new NotFoundError('call', callId);
    return { callId: c.callId, office: c.office, scheme: c.scheme, year: c.year, deadline: c.deadline };
  }

  /** `${measureId}:${university}` of the pairs whose university declined. */
  declined(pairs: Array<{ measureId: string; university: string }>): Promise<string[]> {
    return pairs.length === 0 ? Promise.resolve([]) : this.partnerships.declined(pairs);
  }

  /** What a submission or amendment needs: the call's current deadline and the partners that declined (R3, R14). */
  async submission(state: NeedsAssessmentState): Promise<{ deadline: string; declinedPartners: string[] }> {
    const deadline = state.assessmentId ? (await this.call(state.callId)).deadline : '9999-12-31';
    const pairs = state.measures.flatMap((m) => (m.university ? [{ measureId: m.measureId, university: m.university.org }] : []));
    return { deadline, declinedPartners: await this.declined(pairs) };
  }
}
