import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ORG } from '../common.dto.js';

export class InviteOwnerDto {
  @ApiProperty({ example: '964965226', description: 'The school owner invited into the network (R10)' }) @Matches(ORG) orgNumber: string;
}
