import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable } from '#libs/projections';

/** The to-do read model's own organisation names (recipients, lead owners, appellants), from the organisation events. */
export const TODO_ORG_NAMES = namesTable('wl_org_names', ORGANISATION_NAMES);
