/**
 * OpenAPI security scheme name for the bearer token. In main.ts:
 * `new DocumentBuilder().addBearerAuth(BEARER_SCHEME, BEARER)`; on controllers: `@ApiBearerAuth(BEARER)`.
 */
export const BEARER = 'bearer';

export const BEARER_SCHEME = {
  type: 'http' as const,
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'JWT with claims role, org (org number) and, for governors, office. Dev mode: make one with `npm run token`.',
};
