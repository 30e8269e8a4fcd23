#!/usr/bin/env node
// Builds dist/ (nest build) only when a source is newer than the last build: the CLI scripts (token, export,
// import, …) and the bench start in a fraction of a second when nothing changed. A file added, edited, renamed or
// deleted under apps/, libs/ or bench/ (a directory's mtime moves too), or a change to the build configuration,
// makes the next call build. `--force` always builds (npm test, npm run build).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['apps', 'libs', 'bench'];
const CONFIG = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const STAMP = join('dist', '.build-stamp');
/** What tsconfig.build.json leaves out of the build: editing a test does not make the CLIs build. */
const NOT_BUILT = /\.(spec|test|fixtures|spec-fixtures)\.ts$/;

/** The newest modification time (ms) of a file or directory tree. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || NOT_BUILT.test(entry) || path === join('libs', 'testing')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

function stale() {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return true;
  return [...SOURCES, ...CONFIG].some((p) => newest(p) > built);
}

if (process.argv.includes('--force') || stale()) {
  // Stamped with the time the build started: a file saved during the build makes the next call build again.
  const started = new Date();
  const nest = join('node_modules', '.bin', 'nest');
  const result = spawnSync(existsSync(nest) ? nest : 'nest', ['build'], { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync('dist', { recursive: true });
  closeSync(openSync(STAMP, 'a'));
  utimesSync(STAMP, started, started);
}
