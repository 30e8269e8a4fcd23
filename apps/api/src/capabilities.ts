import type { Type } from '@nestjs/common';
import type { Migration } from '#libs/db';
import type { Projection } from '#libs/projections';
import { notificationsMigrations, webhooksProjection, NotificationsModule } from '#libs/notifications';
import { ReferenceModule } from '#libs/reference';
import { callsProjection, CallsModule } from '#libs/calls';
import { organisationsProjection, OrganisationsModule } from '#libs/organisations';
import { forumProjection, ForumModule } from '#libs/forum';
import { appealsProjection, grantsProjection, GrantsModule } from '#libs/grants';
import { needsAssessmentsProjection, NeedsAssessmentsModule } from '#libs/needs-assessments';
import { partnershipsProjection, PartnershipsModule } from '#libs/partnerships';
import { evaluationExportProjection, ExportsModule } from '#libs/exports';
import { yrkesfagFramesProjection, yrkesfagPlansProjection, YrkesfagModule } from '#libs/yrkesfag';
import { todosProjection, WorklistsModule } from '#libs/worklists';

/** Every capability of Dekomp: its Nest module, its read models and its own migrations. */
export const CAPABILITY_MODULES: Type[] = [
  OrganisationsModule,
  CallsModule,
  ForumModule,
  GrantsModule,
  NeedsAssessmentsModule,
  PartnershipsModule,
  ExportsModule,
  YrkesfagModule,
  ReferenceModule,
  NotificationsModule,
  WorklistsModule,
];

export const PROJECTIONS: Projection[] = [
  organisationsProjection,
  callsProjection,
  forumProjection,
  grantsProjection,
  appealsProjection,
  needsAssessmentsProjection,
  partnershipsProjection,
  evaluationExportProjection,
  yrkesfagFramesProjection,
  yrkesfagPlansProjection,
  webhooksProjection,
  todosProjection,
];

export const MIGRATIONS: Migration[] = [...notificationsMigrations];
