import { Kroner, Reason } from '../dto-decorators.js';

export class YrkesfagAdjustFrameDto {
  @Kroner('The new frame') amount: number;
  @Reason('Why the frame changes (R21)') reason: string;
}
