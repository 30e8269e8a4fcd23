import {
  type CanActivate,
  ForbiddenException,
  type ExecutionContext,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, Role } from '#libs/kernel';
import { type AuthenticatedRequest, IS_PUBLIC_KEY, ROLES_KEY } from './decorators.js';
import { AuthenticationError, AuthUnavailableError } from './errors.js';
import { TokenVerifier } from './token-verifier.js';

const REALM = 'dekomp';

/**
 * The global guard of AuthModule (R20): every HTTP route needs `Authorization: Bearer <token>` unless @Public();
 * @Roles(...) narrows who may call it. Sets `request.actor`.
 * 401 (with `WWW-Authenticate: Bearer …`) for a missing, malformed, expired or otherwise invalid token;
 * 403 for a valid token of a role the route does not allow; 503 if the identity provider's keys are unreachable.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true;
    if (context.getType() !== 'http') {
      if (isPublic) return true;
      throw new UnauthorizedException('Only HTTP requests can be authenticated');
    }
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<unknown>();

    if (isPublic) {
      // A valid token on an open route still tells who is asking; an absent or bad one is no error here.
      const token = bearerToken(request);
      if (typeof token === 'string') request.actor = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }

    const actor = await this.authenticate(request, response);
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) {
      setHeader(response, 'WWW-Authenticate', `Bearer realm="${REALM}", error="insufficient_scope"`);
      throw new ForbiddenException(`This action requires role ${roles.join(' or ')}; the token's role is ${actor.role}`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, response: unknown): Promise<Actor> {
    const token = bearerToken(request);
    if (token === undefined) {
      setHeader(response, 'WWW-Authenticate', `Bearer realm="${REALM}"`);
      throw unauthorized('missing_token', 'Missing bearer token: send Authorization: Bearer <token>');
    }
    if (token === null) {
      setHeader(response, 'WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_request"`);
      throw unauthorized('not_bearer', 'The Authorization header must be "Bearer <token>"');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        const description = error.message.replace(/["\\]/g, "'");
        setHeader(response, 'WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`);
        throw unauthorized(error.reason, `Invalid bearer token: ${error.message}`);
      }
      if (error instanceof AuthUnavailableError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }
}

function unauthorized(reason: string, message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message, reason });
}

/** The token; `undefined` if there is no Authorization header, `null` if it is not a usable Bearer one. */
function bearerToken(request: AuthenticatedRequest): string | undefined | null {
  const header = request.headers?.authorization;
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function setHeader(response: unknown, name: string, value: string): void {
  const res = response as { setHeader?: (n: string, v: string) => void; header?: (n: string, v: string) => void };
  if (typeof res?.setHeader === 'function') res.setHeader(name, value);
  else if (typeof res?.header === 'function') res.header(name, value);
}
