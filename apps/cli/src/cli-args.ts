/**
 * One way for every CLI to read its arguments (node's util.parseArgs, strict): `--help` and `-h` print the usage
 * to stdout and exit 0; an unknown option, a missing value or a bad one prints one line naming it, then the usage,
 * to stderr and exits 2. Governor office codes are checked as `npm run token` checks them: upper case, exactly
 * as listed, and a wrong one answered with the valid codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OFFICE_CODES, isKnownOfficeCode, type OfficeCode } from '#libs/reference-data';

export const EXIT_USAGE = 2;

export interface Cli {
  /** The command's name, prefixed to its error lines (`token: …`). */
  name: string;
  usage: string;
}

/** A bad command line: the message names the option and the rule. */
export class UsageError extends Error {}
class HelpRequested extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * `argv` parsed against `options` (plus --help/-h). Throws UsageError naming an unknown option or a missing value,
 * and asks `runCli` to print the usage on --help.
 */
export function parseCliArgs<const O extends Options>(argv: string[], options: O, allowPositionals = false) {
  const config = { args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    // Node's message goes on about '--' for positionals; its first sentence names the option.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument[\s\S]*$/, ''));
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
  return parsed;
}

/** Prints `message` (one line) and the usage to stderr, and exits 2. */
export function usageFailure(cli: Cli, message: string): never {
  process.stderr.write(`${cli.name}: ${message}\n\n${cli.usage}\n`);
  process.exit(EXIT_USAGE);
}

/**
 * Runs a CLI's `main` with its arguments: --help answers with the usage (exit 0), a UsageError with its line and
 * the usage (exit 2); the exit code `main` returns is the process's.
 */
export async function runCli(cli: Cli, main: (argv: string[]) => Promise<number | void>): Promise<void> {
  try {
    const code = await main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${cli.usage}\n`);
      process.exitCode = 0;
    } else if (error instanceof UsageError) {
      usageFailure(cli, error.message);
    } else throw error;
  }
}

/** A governor office code given as `flag`, as token checks it (upper case, one of the codes); UsageError if not. */
export function officeCode(value: string | undefined, flag = '--office'): OfficeCode {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required (one of ${OFFICE_CODES.join(', ')})`);
  if (!isKnownOfficeCode(value))
    throw new UsageError(`${flag} must be a governor office code (${OFFICE_CODES.join(', ')}); got '${value}'`);
  return value;
}
