import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '#libs/http';
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
  officeName: string | null;
  scheme: string;
  measureId: string;
  measureTitle: string | null;
  recipientOrg: string;
  /** Names as the organisation events told them (then, with `asOf`). */
  recipientName: string | null;
  appellantOrg: string;
  appellantName: string | null;
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
  /** Names from the appeals read model's own tables (as of then, with `asOf`). */
  recipientName: string | null;
  appellantName: string | null;
  measureTitle: string | null;
  status: AppealStatus;
  steps: HistoryEntry[];
  letters: Array<{ n: number; kind: string; date: string; outcome: string; href: string }>;
  version: number;
}

export class AppealListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: APPEAL_STATUSES, description: 'open: lodged or forwarded' }) @IsOptional() @IsIn(APPEAL_STATUSES) status?:
    AppealStatus | 'open';
}

const NAME = { nullable: true, type: String } as const;

/** One row of the appeals list (OpenAPI). */
export class AppealRowDto implements Omit<AppealRow, 'status'> {
  @ApiProperty() appealId: string;
  @ApiProperty() grantId: string;
  @ApiProperty() office: string;
  @ApiProperty(NAME) officeName: string | null;
  @ApiProperty() scheme: string;
  @ApiProperty() measureId: string;
  @ApiProperty(NAME) measureTitle: string | null;
  @ApiProperty() recipientOrg: string;
  @ApiProperty(NAME) recipientName: string | null;
  @ApiProperty() appellantOrg: string;
  @ApiProperty(NAME) appellantName: string | null;
  @ApiProperty() standing: string;
  @ApiProperty() letter: number;
  @ApiProperty() letterKind: string;
  @ApiProperty() letterDate: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() lodgedOn: string;
  @ApiProperty({ description: "The letter's date + 21 days (R23)" }) deadline: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ enum: APPEAL_STATUSES.filter((s) => s !== 'open') }) status: string;
  @ApiProperty(NAME) governorOutcome: string | null;
  @ApiProperty(NAME) udirOutcome: string | null;
  @ApiProperty(NAME) remedyGrantId: string | null;
  @ApiProperty() version: number;
}
