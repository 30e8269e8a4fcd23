import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirError, prepareDataDir } from './data-dir.js';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('the data-directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dekomp-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is exclusive while its holder lives, records the holder, and is gone after release', async () => {
    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, '.dekomp.lock', 'pid'), 'utf8').trim()).toBe(String(process.pid));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    expect(existsSync(join(dir, '.dekomp.lock'))).toBe(false);
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes over at once a lock whose holder is dead (kill -9), without waiting for it to go stale', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    mkdirSync(join(dir, '.dekomp.lock'));
    writeFileSync(join(dir, '.dekomp.lock', 'pid'), `${dead}\n`);
    const started = Date.now();
    const release = await lockDataDir(dir);
    expect(Date.now() - started).toBeLessThan(2_000);
    await release();
  });

  it('refuses a fresh lock whose holder is unknown (no PID yet)', async () => {
    mkdirSync(join(dir, '.dekomp.lock'));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('names DATA_DIR when it cannot be created, instead of hanging', () => {
    expect(() => prepareDataDir('/proc/nope/data')).toThrow(DataDirError);
    expect(() => prepareDataDir('/proc/nope/data')).toThrow(/DATA_DIR \/proc\/nope\/data cannot be used/);
  });
});
