import { Module } from '@nestjs/common';
import { ReferenceRoute } from './reference.route.js';

/** Read-only reference endpoints (/reference/*) for building forms; no tables, no events. */
@Module({ controllers: [ReferenceRoute] })
export class ReferenceModule {}
