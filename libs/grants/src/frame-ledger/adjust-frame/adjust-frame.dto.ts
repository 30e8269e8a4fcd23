import { Kroner, Reason } from '../../common/dto-decorators.js';

export class AdjustFrameDto {
  @Kroner('The new frame in whole kroner (not below what is charged to it, R18)') amount: number;
  @Reason() reason: string;
}
