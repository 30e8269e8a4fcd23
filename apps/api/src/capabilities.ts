import type { Type } from '@nestjs/common';
import type { Migration } from '#libs/db';
import type { Projection } from '#libs/projections';
import { callsProjection, CallsModule } from '#libs/calls';
import { organisationsProjection, OrganisationsModule } from '#libs/organisations';
import { forumProjection, ForumModule } from '#libs/forum';
import { grantsProjection, GrantsModule } from '#libs/grants';
import { needsAssessmentsProjection, NeedsAssessmentsModule } from '#libs/needs-assessments';
import { partnershipsProjection, PartnershipsModule } from '#libs/partnerships';
import { evaluationExportProjection, ExportsModule } from '#libs/exports';

/** Every capability of Dekomp: its Nest module, its read models and its own migrations. */
export const CAPABILITY_MODULES: Type[] = [OrganisationsModule, CallsModule, ForumModule, GrantsModule, NeedsAssessmentsModule, PartnershipsModule, ExportsModule];

export const PROJECTIONS: Projection[] = [organisationsProjection, callsProjection, forumProjection, grantsProjection, needsAssessmentsProjection, partnershipsProjection, evaluationExportProjection];

export const MIGRATIONS: Migration[] = [];
