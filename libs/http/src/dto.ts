import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class WarningDto {
  @ApiProperty({ example: 'R3' }) rule: string;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

/** The answer to every command; headers carry ETag and Dekomp-Position too. */
export class CommandResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The resource version after the command (its ETag)' }) version: number;
  @ApiProperty({ description: 'Global position written: pass as ?minPosition= to read your write' }) position: number;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
}

export class HistoryActorDto {
  @ApiProperty() role: string;
  @ApiProperty() org: string;
  @ApiProperty() subject: string;
}

export class HistoryEntryDto {
  @ApiProperty() position: number;
  @ApiProperty() version: number;
  @ApiProperty() type: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: HistoryActorDto }) actor: HistoryActorDto;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: Object }) data: unknown;
}

/**
 * Base of every list-query DTO: lets `minPosition` and `asOf` (handled by the read-your-writes interceptor and
 * AsOfPipe) pass the global whitelist. Documented by @ApiRead(), so hidden here.
 */
export class ReadParamsDto {
  @ApiHideProperty() @IsOptional() @IsString() minPosition?: string;
  @ApiHideProperty() @IsOptional() @IsString() asOf?: string;
}
