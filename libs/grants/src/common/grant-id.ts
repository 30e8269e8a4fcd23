import { NotFoundError, SCHEMES, type Scheme } from '#libs/kernel';

/**
 * A grant is one allocation decision: one recipient, one measure, money per year. Its id names the office and
 * scheme whose frame ledger holds the decision, so handlers find the ledger (and check R20) from the id alone:
 * `<OFFICE>.<SCHEME>.<measureId>.<recipientOrg>`.
 */
export const MEASURE_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export const grantIdOf = (office: string, scheme: Scheme, measureId: string, recipientOrg: string) =>
  `${office}.${scheme}.${measureId}.${recipientOrg}`;

export function parseGrantId(grantId: string): { office: string; scheme: Scheme; measureId: string; recipientOrg: string } | null {
  const parts = grantId.split('.');
  if (parts.length !== 4) return null;
  const [office, scheme, measureId, recipientOrg] = parts;
  if (
    !/^[A-Z_]{2,40}$/.test(office) ||
    !(SCHEMES as readonly string[]).includes(scheme) ||
    !MEASURE_ID_PATTERN.test(measureId) ||
    !/^\d{9}$/.test(recipientOrg)
  )
    return null;
  return { office, scheme: scheme as Scheme, measureId, recipientOrg };
}

/** The parts of a grant id, or 404 for an id that cannot be one. */
export function grantIdParts(grantId: string) {
  const parts = parseGrantId(grantId);
  if (!parts) throw new NotFoundError('grant', grantId);
  return parts;
}
