import { type ExecutionContext, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { type Actor, ROLES, type Role } from '#libs/kernel';

export const IS_PUBLIC_KEY = 'dekomp:auth:public';
export const ROLES_KEY = 'dekomp:auth:roles';

/** The route (or every route of the controller) needs no token. A valid token, if sent, still sets the actor. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only these roles may call the route (on a method, or on a controller for all its routes; a method's list replaces
 * the controller's). Others get 403 naming the roles. No implicit pass for the ministry here: list it where it may act.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`@Roles(): unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  return SetMetadata(ROLES_KEY, Object.freeze([...roles]));
};

/** The HTTP request as the guard leaves it. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/**
 * The authenticated Actor (set by the guard). On a @Public() route without a token there is none: then
 * `@CurrentActor()` answers 401, and `@CurrentActor({ optional: true })` gives `undefined`.
 */
export const CurrentActor = createParamDecorator(
  (data: { optional?: boolean } | undefined, context: ExecutionContext): Actor | undefined => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.actor && !data?.optional) {
      throw new UnauthorizedException('This route needs an authenticated actor: send a bearer token');
    }
    return request.actor;
  },
);
