import type { OrgKind, Scheme } from '#libs/kernel';
import { requiredCoFinancing } from '#libs/grants';

/**
 * R7/R8: the co-financing a decided line requires, as the decision carries it (AllocationDecided v2 and later
 * amendments). An amendment stored before the minimum was carried lacks it: then it is computed from the
 * decision's scheme and recipient kind, as the grants capability does (`requiredCoFinancing`).
 */
export function coFinancingRequired(
  line: { year: number; amount: number; coFinancingRequired?: number },
  scheme: Scheme,
  kind: string,
): number {
  return line.coFinancingRequired ?? requiredCoFinancing({ scheme, recipientKind: kind as OrgKind }, line.year, line.amount);
}
