import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '#libs/kernel';

/** Every kind of to-do item (stable machine names), by whose list it is on. */
export const TODO_KINDS = [
  // a school owner's or a university's (a recipient's)
  'confirm_network_part',
  'answer_partnership',
  'accept_grant',
  'commit_co_financing',
  'submit_report',
  'appeal_window',
  // a governor office's
  'review_inbox',
  'complete_recommendation',
  'decide_past_decision_date',
  'report_overdue',
  'co_financing_shortfall',
  'reconsider_appeal',
  // the ministry's (Udir's)
  'set_frame',
  'office_reports_overdue',
  'decide_appeal',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export type About = Record<string, string | number | boolean | null | string[] | Array<Record<string, unknown>>>;

export interface TodoItem {
  kind: TodoKind;
  /** What it is about: ids, and names where the events carry them. */
  about: About;
  /** The date it is due by, where there is one. */
  due: string | null;
  /** Past `due` on the service's day (computed when asked, never stored). */
  overdue: boolean;
  /** The path to act on it. */
  link: string;
}

export interface TodoList {
  role: string;
  org: string;
  office: string | null;
  today: string;
  items: TodoItem[];
}

export class TodoItemDto implements TodoItem {
  @ApiProperty({ enum: TODO_KINDS }) kind: TodoKind;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { grantId: 'ROGALAND.DEKOMP.m-1.964965226', year: 2028 } })
  about: About;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2029-01-15' }) due: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ example: '/grants/ROGALAND.DEKOMP.m-1.964965226/reports' }) link: string;
}

export class TodoListDto implements TodoList {
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() org: string;
  @ApiPropertyOptional({ type: String, nullable: true }) office: string | null;
  @ApiProperty({ example: '2029-01-02', description: "The service's day the list is computed for" }) today: string;
  @ApiProperty({ type: [TodoItemDto] }) items: TodoItemDto[];
}
