import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '#libs/http';
import { Kroner, Reason } from '../dto-decorators.js';

export class YrkesfagClaimRepaymentDto {
  @Kroner('Claimed back', 1) amount: number;
  @ApiProperty({ example: '2028-02-01' }) @IsCalendarDate() claimedOn: string;
  @Reason('Why the money is claimed back (R16)') reason: string;
}
