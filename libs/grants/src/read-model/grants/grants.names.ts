import { MEASURE_TITLES } from '#libs/needs-assessments';
import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable } from '#libs/projections';

/** The grants read model's own names: recipients' from the organisation events, measures' titles from the assessments'. */
export const GRANT_ORG_NAMES = namesTable('gr_org_names', ORGANISATION_NAMES);
export const GRANT_MEASURE_TITLES = namesTable('gr_measure_titles', MEASURE_TITLES);
