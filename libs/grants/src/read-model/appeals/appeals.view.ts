import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { ReadParamsDto } from '#libs/http';
import type { HistoryEntry } from '#libs/platform';
import type { AppealLodgedData, AppealStatus } from '../../appeal/appeal.aggregate.js';

export const APPEAL_STATUSES: Array<AppealStatus | 'open'> = [
  'open',
  'lodged',
  'forwarded',
  'reversed',
  'partly_reversed',
  'upheld',
  'dismissed',
];

export interface AppealRow {
  appealId: string;
  grantId: string;
  office: string;
  scheme: string;
  measureId: string;
  recipientOrg: string;
  appellantOrg: string;
  standing: string;
  letter: number;
  letterKind: string;
  letterDate: string;
  caseNumber: string;
  lodgedOn: string;
  /** The letter's date + 21 days (R23). */
  deadline: string;
  late: boolean;
  status: AppealStatus;
  governorOutcome: string | null;
  udirOutcome: string | null;
  remedyGrantId: string | null;
  version: number;
}

/** The governor's overview (R23): open appeals, who they wait for and how long. */
export interface OfficeAppealsView {
  office: string;
  today: string;
  open: Array<AppealRow & { waitingFor: 'governor' | 'udir'; daysOpen: number }>;
}

/** One appeal as its stream holds it: the lodging, its status, every step with actor, time and reason, its letters. */
export interface AppealView extends AppealLodgedData {
  status: AppealStatus;
  steps: HistoryEntry[];
  letters: Array<{ n: number; kind: string; date: string; outcome: string; href: string }>;
  version: number;
}

export class AppealListQueryDto extends ReadParamsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: APPEAL_STATUSES, description: 'open: lodged or forwarded' }) @IsOptional() @IsIn(APPEAL_STATUSES) status?:
    AppealStatus | 'open';
}
