import { AmountLineDto, AmountLines, Reason } from '../../common/dto-decorators.js';

export class AmendAllocationDto {
  @AmountLines('The new money per year (replaces the earlier lines)') amounts: AmountLineDto[];
  @Reason('Why (R21); also the reason for any difference from the recommendation (R12)') reason: string;
}
