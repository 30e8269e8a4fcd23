import { ApiProperty } from '@nestjs/swagger';

/** R15/R26: where a year's report stands on today's date. */
export const REPORT_STATUSES = ['due', 'overdue', 'submitted', 'submitted_late'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface PaymentView {
  paymentId: string;
  amount: number;
  paidOn: string;
}

export interface ClaimView {
  claimId: string;
  amount: number;
  settled: number;
  outstanding: number;
  claimedOn: string;
  reason: string;
}

export interface FrameYearView {
  year: number;
  ruleSetVersion: string;
  frame: number;
  adjustments: number;
  paid: number;
  /** frame − paid */
  unpaid: number;
  /** The plan's money (R18: never above the frame). */
  planned: number;
  spent: number;
  /** R16: paid − spent (never below 0). */
  unspent: number;
  claimed: number;
  repaid: number;
  /** claimed − repaid */
  outstanding: number;
  reportDeadline: string;
  deadlineExtensions: number;
  reportStatus: ReportStatus;
  reportSubmittedOn: string | null;
  evaluation: string | null;
  payments: PaymentView[];
  claims: ClaimView[];
}

export interface Totals {
  frame: number;
  paid: number;
  planned: number;
  spent: number;
  unspent: number;
  claimed: number;
  repaid: number;
  outstanding: number;
}

export interface Obligation {
  year: number;
  reportDeadline: string;
  status: 'due' | 'overdue';
}

export interface CountyFrameView {
  county: string;
  name: string;
  /** The county stream's version: the ETag its commands check. */
  version: number;
  /** The date the report statuses are for (today in Norway). */
  on: string;
  totals: Totals;
  /** Reports not yet submitted: due, or overdue (then payments are blocked, R15). */
  obligations: Obligation[];
  paymentsBlocked: boolean;
  years: FrameYearView[];
}

// ---------- Response documentation ----------
export class PaymentViewDto implements PaymentView {
  @ApiProperty() paymentId: string;
  @ApiProperty() amount: number;
  @ApiProperty() paidOn: string;
}

export class ClaimViewDto implements ClaimView {
  @ApiProperty() claimId: string;
  @ApiProperty() amount: number;
  @ApiProperty() settled: number;
  @ApiProperty() outstanding: number;
  @ApiProperty() claimedOn: string;
  @ApiProperty() reason: string;
}

export class FrameYearViewDto {
  @ApiProperty() year: number;
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty() frame: number;
  @ApiProperty() adjustments: number;
  @ApiProperty() paid: number;
  @ApiProperty() unpaid: number;
  @ApiProperty() planned: number;
  @ApiProperty() spent: number;
  @ApiProperty() unspent: number;
  @ApiProperty() claimed: number;
  @ApiProperty() repaid: number;
  @ApiProperty() outstanding: number;
  @ApiProperty() reportDeadline: string;
  @ApiProperty() deadlineExtensions: number;
  @ApiProperty({ enum: REPORT_STATUSES }) reportStatus: string;
  @ApiProperty({ nullable: true, type: String }) reportSubmittedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) evaluation: string | null;
  @ApiProperty({ type: [PaymentViewDto] }) payments: PaymentViewDto[];
  @ApiProperty({ type: [ClaimViewDto] }) claims: ClaimViewDto[];
}

export class TotalsDto implements Totals {
  @ApiProperty() frame: number;
  @ApiProperty() paid: number;
  @ApiProperty() planned: number;
  @ApiProperty() spent: number;
  @ApiProperty() unspent: number;
  @ApiProperty() claimed: number;
  @ApiProperty() repaid: number;
  @ApiProperty() outstanding: number;
}

export class ObligationDto {
  @ApiProperty() year: number;
  @ApiProperty() reportDeadline: string;
  @ApiProperty({ enum: ['due', 'overdue'] }) status: string;
}

export class CountyFrameViewDto {
  @ApiProperty() county: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
  @ApiProperty() on: string;
  @ApiProperty({ type: TotalsDto }) totals: TotalsDto;
  @ApiProperty({ type: [ObligationDto] }) obligations: ObligationDto[];
  @ApiProperty({ description: 'R15: an earlier report is overdue' }) paymentsBlocked: boolean;
  @ApiProperty({ type: [FrameYearViewDto] }) years: FrameYearViewDto[];
}
