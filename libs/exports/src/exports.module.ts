import { Module } from '@nestjs/common';
import { EvaluationExportRoute } from './read-model/evaluation-export/evaluation-export.route.js';
import { EvaluationExportService } from './read-model/evaluation-export/evaluation-export.service.js';

@Module({
  controllers: [EvaluationExportRoute],
  providers: [EvaluationExportService],
  exports: [EvaluationExportService],
})
export class ExportsModule {}
