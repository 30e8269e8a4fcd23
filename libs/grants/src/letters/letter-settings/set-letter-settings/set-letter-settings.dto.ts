import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LETTER_LANGUAGES, type LetterLanguage } from '../letter-settings.aggregate.js';

export class LetterheadDto {
  @ApiProperty({ example: 'Postboks 59 Sentrum, 4001 Stavanger' }) @IsString() @MaxLength(200) address: string;
  @ApiProperty({ example: '51 56 87 00' }) @IsString() @MaxLength(50) phone: string;
  @ApiProperty({ example: 'sfrolpost@statsforvalteren.no' }) @IsString() @MaxLength(200) email: string;
}

export class SignatoryDto {
  @ApiProperty({ example: 'Kari Nordmann' }) @IsString() @MaxLength(200) name: string;
  @ApiProperty({ example: 'utdanningsdirektør' }) @IsString() @MaxLength(200) title: string;
}

export class SetLetterSettingsDto {
  @ApiProperty({ enum: LETTER_LANGUAGES, description: 'Bokmål (nb) or nynorsk (nn) (R22)' })
  @IsIn(LETTER_LANGUAGES)
  language: LetterLanguage;
  @ApiProperty({ type: LetterheadDto }) @ValidateNested() @Type(() => LetterheadDto) letterhead: LetterheadDto;
  @ApiProperty({ type: SignatoryDto }) @ValidateNested() @Type(() => SignatoryDto) signatory: SignatoryDto;
  @ApiProperty({
    example: '{year}/{scheme}-{seq}',
    description: 'Case numbers (saksnummer) of new decisions: {year}, {scheme}, {office}, {seq}',
  })
  @IsString()
  @MaxLength(100)
  caseNumberFormat: string;
}
