import type { Type } from '@nestjs/common';
import type { Migration } from '#libs/db';
import type { Projection } from '#libs/projections';
import { callsProjection, CallsModule } from '#libs/calls';
import { organisationsProjection, OrganisationsModule } from '#libs/organisations';

/** Every capability of Dekomp: its Nest module, its read models and its own migrations. */
export const CAPABILITY_MODULES: Type[] = [OrganisationsModule, CallsModule];

export const PROJECTIONS: Projection[] = [organisationsProjection, callsProjection];

export const MIGRATIONS: Migration[] = [];
