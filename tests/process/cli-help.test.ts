import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFICE_CODES } from '#libs/reference-data';

/** The built CLIs (npm test builds first), run as `npm run <script>` runs them. */
const CLIS = {
  token: 'dist/apps/cli/src/token.js',
  'events:copy': 'dist/apps/cli/src/copy-events.js',
  'projections:rebuild': 'dist/apps/cli/src/rebuild-projections.js',
  import: 'dist/apps/cli/src/import.js',
  export: 'dist/apps/cli/src/export.js',
  seed: 'dist/apps/cli/src/seed.js',
} as const;
type Name = keyof typeof CLIS;

const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(name: Name, args: string[]) {
  const file = join(process.cwd(), CLIS[name]);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does) first`);
  const r = spawnSync(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, KURRENTDB_URL: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(Object.keys(CLIS) as Name[])('npm run %s', (name) => {
  it('--help and -h print the usage to stdout and exit 0', () => {
    const long = run(name, ['--help']);
    expect(long).toMatchObject({ code: 0, stderr: '' });
    expect(long.stdout).toMatch(/^usage: /i);
    expect(run(name, ['-h'])).toEqual(long);
  }, 60_000);

  it('an unknown option: one line naming it, then the usage, on stderr; exit 2', () => {
    const r = run(name, ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, blank, usage] = r.stderr.split('\n');
    expect(first).toBe(`${name}: Unknown option '--bogus'`);
    expect(blank).toBe('');
    expect(usage).toMatch(/^usage: /i);
  }, 60_000);
});

describe.each([
  ['token', ['--role', 'governor']],
  ['import', ['--file', 'commitments.csv']],
  ['export', ['--out', 'evaluation.csv']],
] as Array<[Name, string[]]>)('npm run %s with an office code', (name, rest) => {
  it.each(['rogaland', 'ROGALANDD'])(
    'refuses %s as token does, listing the codes; exit 2',
    (code) => {
      const r = run(name, [...rest, '--office', code]);
      expect(r.code).toBe(2);
      const first = r.stderr.split('\n')[0];
      expect(first).toBe(`${name}: --office must be a governor office code (${OFFICE_CODES.join(', ')}); got '${code}'`);
    },
    60_000,
  );
});
