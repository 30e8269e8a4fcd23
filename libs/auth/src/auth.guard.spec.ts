import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Actor } from '#libs/kernel';
import { AuthModule, CurrentActor, DevTokenIssuer, Public, Roles } from './index.js';

@Controller('things')
@Roles('governor', 'ministry')
class ThingsController {
  @Get('office')
  office(@CurrentActor() actor: Actor) {
    return { actor };
  }

  @Get('mine')
  @Roles('school_owner')
  mine(@CurrentActor() actor: Actor) {
    return { actor };
  }
}

@Controller('open')
class OpenController {
  @Get()
  @Public()
  open(@CurrentActor({ optional: true }) actor: Actor | undefined) {
    return { ok: true, actor: actor ?? null };
  }

  @Get('any-role')
  anyRole(@CurrentActor() actor: Actor) {
    return { role: actor.role };
  }
}

describe('AuthGuard through a Nest app (dev mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-guard-'));
  let app: INestApplication;
  let base: string;
  let issuer: DevTokenIssuer;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ mode: 'dev', dataDir })],
      controllers: [ThingsController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    issuer = moduleRef.get(DevTokenIssuer);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, token?: string, raw?: string) =>
    fetch(`${base}${path}`, {
      headers: raw !== undefined ? { authorization: raw } : token ? { authorization: `Bearer ${token}` } : {},
    });

  it('answers 401 with WWW-Authenticate without a token', async () => {
    const res = await get('/things/office');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="dekomp"/);
    expect(await res.json()).toMatchObject({ statusCode: 401, reason: 'missing_token', message: /Missing bearer token/ });
  });

  it('answers 401 for a garbage token, naming the reason', async () => {
    const res = await get('/things/office', 'garbage.garbage.garbage');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(await res.json()).toMatchObject({ reason: 'malformed_token', message: /Invalid bearer token/ });
  });

  it('answers 401 for another scheme', async () => {
    const res = await get('/things/office', undefined, 'Basic dXNlcjpwYXNz');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ reason: 'not_bearer' });
  });

  it('answers 401 for a token of another key', async () => {
    const foreignDir = mkdtempSync(join(tmpdir(), 'dekomp-guard-other-'));
    try {
      const foreign = await new DevTokenIssuer(foreignDir).issue({ role: 'ministry', org: '972417807' });
      const res = await get('/things/office', foreign);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ reason: 'bad_signature' });
    } finally {
      rmSync(foreignDir, { recursive: true, force: true });
    }
  });

  it('answers 403 naming the required roles for a wrong role', async () => {
    const token = await issuer.issue({ role: 'school_owner', org: '964965226' });
    const res = await get('/things/office', token);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { message: string };
    expect(body.message).toBe("This action requires role governor or ministry; the token's role is school_owner");
  });

  it('answers 200 for a right role and hands the controller the Actor', async () => {
    const token = await issuer.issue({ role: 'governor', office: 'TRONDELAG', subject: 'ola' });
    const res = await get('/things/office', token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      actor: { role: 'governor', org: '974764350', subject: 'ola', office: 'TRONDELAG' },
    });
  });

  it('lets a method @Roles replace the controller one', async () => {
    const ownerToken = await issuer.issue({ role: 'school_owner', org: '964965226' });
    expect((await get('/things/mine', ownerToken)).status).toBe(200);
    const governorToken = await issuer.issue({ role: 'governor', office: 'AGDER' });
    expect((await get('/things/mine', governorToken)).status).toBe(403);
  });

  it('needs only a valid token where no @Roles is set', async () => {
    const token = await issuer.issue({ role: 'university', org: '971035854' });
    const res = await get('/open/any-role', token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'university' });
    expect((await get('/open/any-role')).status).toBe(401);
  });

  it('leaves a @Public route open, with or without a token', async () => {
    const anonymous = await get('/open');
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ ok: true, actor: null });
    expect((await get('/open', 'garbage')).status).toBe(200);
    const token = await issuer.issue({ role: 'university', org: '971035854', subject: 'uio' });
    expect(await (await get('/open', token)).json()).toEqual({
      ok: true,
      actor: { role: 'university', org: '971035854', subject: 'uio' },
    });
  });
});
