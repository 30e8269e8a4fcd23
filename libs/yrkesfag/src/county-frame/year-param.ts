import { Param, ParseIntPipe } from '@nestjs/common';

/** The `:year` path segment as a whole number (400 otherwise). */
export const YearParam = () => Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 }));
