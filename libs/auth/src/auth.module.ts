import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { DevTokenIssuer } from './dev-token-issuer.js';
import { AUTH_OPTIONS, type AuthOptions, validateAuthOptions } from './options.js';
import { TokenVerifier } from './token-verifier.js';

/**
 * Bearer-token authentication for the whole app (R20). Import once in the root module:
 * `AuthModule.forRoot(authOptionsFromEnv())`. Registers AuthGuard as a global guard (APP_GUARD) and exports
 * TokenVerifier, AUTH_OPTIONS and, in dev mode, DevTokenIssuer.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    validateAuthOptions(options);
    const providers: Provider[] = [
      { provide: AUTH_OPTIONS, useValue: options },
      TokenVerifier,
      AuthGuard,
      { provide: APP_GUARD, useExisting: AuthGuard },
    ];
    const exported: Array<string | symbol | Provider | (abstract new (...args: never[]) => unknown)> = [AUTH_OPTIONS, TokenVerifier];
    if (options.mode === 'dev') {
      const { dataDir } = options;
      providers.push({ provide: DevTokenIssuer, useFactory: () => new DevTokenIssuer(dataDir) });
      exported.push(DevTokenIssuer);
    }
    return { module: AuthModule, global: true, providers, exports: exported as DynamicModule['exports'] };
  }
}
