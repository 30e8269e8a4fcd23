export { Kroner, MAX_KRONER, Reason, Year } from '#libs/http';

export const OrgNumberPattern = /^\d{9}$/;
