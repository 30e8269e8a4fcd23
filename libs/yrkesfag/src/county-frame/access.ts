import { AccessPolicy, type Actor } from '#libs/kernel';

/** R20/R24: Udir (the ministry) runs the frame; the governor has no role. */
export const assertUdir = (actor: Actor, action: string) => AccessPolicy.assertMinistry(actor, action);

/** R20/R24: the county municipality itself plans, spends and reports; nobody acts for it. */
export const assertCounty = (actor: Actor, county: string, action: string) => AccessPolicy.assertActsFor(actor, county, action);
