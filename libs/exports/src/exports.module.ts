import { Module } from '@nestjs/common';
import { EvaluationExportService } from './application/evaluation-export.service.js';
import { ExportsController } from './http/exports.controller.js';

@Module({
  controllers: [ExportsController],
  providers: [EvaluationExportService],
  exports: [EvaluationExportService],
})
export class ExportsModule {}
