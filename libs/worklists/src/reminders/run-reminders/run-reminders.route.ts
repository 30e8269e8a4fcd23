import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ReminderJob } from '../reminder-job.js';

/** Runs the reminder job now, for the service's today (an operator after downtime; the API tests). */
@ApiTags('to-dos')
@ApiBearerAuth('bearer')
@Controller('reminders')
export class RunRemindersRoute {
  constructor(private readonly job: ReminderJob) {}

  @Post('runs')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({
    summary:
      'Ministry: run the report reminder job now (R26): one `due` reminder per deadline within the lead days, one `overdue` after it; never twice',
  })
  @ApiOkResponse({ description: 'The day it ran for, the open reports it looked at, and the reminders it sent' })
  run() {
    return this.job.runNow();
  }
}
