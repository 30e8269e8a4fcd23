import type { RuleViolation } from '#libs/kernel';
import { PROGRAMME_AREA_CODES, TARGET_GROUPS, type ProgrammeArea, type TargetGroup } from './reference.js';

/** R24: the target groups and programme areas of a need or measure: at least one of each, all known. */
export function targetViolations(targetGroups: readonly string[], programmeAreas: readonly string[]): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (targetGroups.length === 0)
    v.push({ rule: 'R24', field: 'targetGroups', message: `name at least one target group: ${TARGET_GROUPS.join(', ')}` });
  targetGroups.forEach((g, i) => {
    if (!TARGET_GROUPS.includes(g as TargetGroup))
      v.push({ rule: 'R24', field: `targetGroups[${i}]`, message: `${g} is not a YRKESFAG target group (${TARGET_GROUPS.join(', ')})` });
  });
  if (programmeAreas.length === 0)
    v.push({ rule: 'R24', field: 'programmeAreas', message: 'name at least one programme area (utdanningsprogram)' });
  programmeAreas.forEach((p, i) => {
    if (!PROGRAMME_AREA_CODES.includes(p as ProgrammeArea))
      v.push({
        rule: 'R24',
        field: `programmeAreas[${i}]`,
        message: `${p} is not a vocational programme area (${PROGRAMME_AREA_CODES.join(', ')})`,
      });
  });
  return v;
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
