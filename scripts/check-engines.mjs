#!/usr/bin/env node
// Fails when an installed dependency's `engines.node` excludes part of the project's own `engines.node` range:
// the service must start on every Node version package.json promises. Production dependencies (and what they
// pull in) always; `--dev` also checks the development dependencies. Reads node_modules as npm installed it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import semver from 'semver';

/**
 * Packages whose engines exclude part of the range but never load in Dekomp, each with the reason. Keep short.
 */
const NEVER_LOADED = {
  // @nestjs/common pins file-type@22 (node >= 22) and imports it only inside FileTypeValidator (uploads),
  // which Dekomp does not use: the import is dynamic, so Node 20 never loads it.
  'file-type': '@nestjs/common > file-type',
};

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } } });
const root = process.cwd();
const project = readJson(join(root, 'package.json'));
const range = project.engines?.node;
if (!range) {
  console.error('package.json has no engines.node');
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Where Node would resolve `name` from the package in `fromDir` (nested node_modules first). */
function resolve(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

const seen = new Set();
const problems = [];
const queue = Object.keys({ ...project.dependencies, ...(values.dev ? project.devDependencies : {}) }).map((name) => ({
  name,
  from: root,
  via: name,
}));
while (queue.length > 0) {
  const { name, from, via } = queue.shift();
  const file = resolve(name, from);
  if (!file || seen.has(file)) continue; // an optional dependency not installed on this platform, or seen
  seen.add(file);
  const pkg = readJson(file);
  const wants = pkg.engines?.node;
  if (NEVER_LOADED[pkg.name] && via.endsWith(NEVER_LOADED[pkg.name])) continue;
  if (wants && semver.validRange(wants) && !semver.subset(range, wants, { includePrerelease: false })) {
    problems.push(`${pkg.name}@${pkg.version} wants node ${wants} (via ${via})`);
  }
  const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
  for (const dep of Object.keys(deps)) queue.push({ name: dep, from: dirname(file), via: `${via} > ${dep}` });
}

if (problems.length > 0) {
  console.error(`Dependencies that exclude part of engines.node "${range}":`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`engines: ${seen.size} packages accept node ${range}`);
