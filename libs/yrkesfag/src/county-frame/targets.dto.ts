import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { PROGRAMME_AREA_CODES, TARGET_GROUPS } from './reference.js';

/** R24: target groups of a need or measure. */
export const TargetGroups = () => (target: object, key: string) => {
  ApiProperty({ enum: TARGET_GROUPS, isArray: true, example: ['vocational_teachers', 'instructors'] })(target, key);
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(TARGET_GROUPS.length)(target, key);
  IsIn(TARGET_GROUPS, { each: true })(target, key);
};

/** R24: programme areas (utdanningsprogram codes) of a need or measure. */
export const ProgrammeAreas = () => (target: object, key: string) => {
  ApiProperty({
    enum: PROGRAMME_AREA_CODES,
    isArray: true,
    example: ['EL', 'TP'],
    description: 'Utdanningsprogram codes: GET /yrkesfag/programme-areas',
  })(target, key);
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(PROGRAMME_AREA_CODES.length)(target, key);
  IsIn(PROGRAMME_AREA_CODES, { each: true })(target, key);
};
