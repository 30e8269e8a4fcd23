/**
 * Prints a dev-mode bearer token that the embedded service accepts (AUTH_MODE=dev, the default): signed with the
 * key under `${DATA_DIR}/keys/` (default ./data), which is made on first use. Only the token goes to stdout.
 * Reads or creates the key file only — never the database — so it is safe while the service runs.
 *
 *   npm run --silent token -- --role governor --office OBOA [--org 974761319] [--sub kari] [--ttl 8h]
 *   npm run --silent token -- --role school_owner --org 964338531
 */
import { DEFAULT_DEV_TTL, DevTokenIssuer, InvalidTokenRequestError } from '#libs/auth';
import { ROLES } from '#libs/kernel';
import { GOVERNOR_OFFICES } from '#libs/reference-data';
import { EXIT_USAGE, parseCliArgs, runCli } from './cli-args.js';

const USAGE = `Usage: npm run --silent token -- --role <role> [--org <org number>] [--office <code>] [--sub <name>] [--ttl <ttl>] [--data-dir <dir>]

  --role      ${ROLES.join(' | ')}
  --org       organisation number (9 digits, mod-11 checked); for a governor defaults to the office's
  --office    governor office code, required for --role governor:
${GOVERNOR_OFFICES.map((o) => `                ${o.code.padEnd(18)} ${o.name} (${o.orgNumber})`).join('\n')}
  --sub       token subject (default dev:<role>:<org>)
  --ttl       lifetime: seconds, or 90s, 30m, 8h, 7d (default ${DEFAULT_DEV_TTL}, at most a year)
  --data-dir  data directory holding keys/dev-signing-key.json (default $DATA_DIR, else ./data)

Prints only the token. Use it as: curl -H "Authorization: Bearer $(npm run --silent token -- ...)" ...
The service must run in dev auth mode (AUTH_MODE unset or dev) on the same data directory.`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, {
    role: { type: 'string' },
    org: { type: 'string' },
    office: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const role = values.role;
  if (!role) {
    process.stderr.write(`token: --role is required\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`token: --role must be one of ${ROLES.join(', ')}; got '${role}'\n`);
    return EXIT_USAGE;
  }
  if (role !== 'governor' && values.org === undefined) {
    process.stderr.write(`token: --org is required for role ${role}\n`);
    return EXIT_USAGE;
  }
  const dataDir = values['data-dir'] || process.env.DATA_DIR || './data';
  try {
    const token = await new DevTokenIssuer(dataDir).issue({
      role: role as (typeof ROLES)[number],
      org: values.org,
      office: values.office,
      subject: values.sub,
      ttl: values.ttl,
    });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidTokenRequestError) {
      process.stderr.write(`token: ${error.message.replace(/^'(\w+)'/, '--$1')}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`token: ${(error as Error).message}\n`);
    return 1;
  }
}

await runCli({ name: 'token', usage: USAGE }, main);
