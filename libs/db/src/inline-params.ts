import { createRequire } from 'node:module';
import pg from 'pg';

// pg's own conversion of a parameter to its text form (arrays, dates, buffers, JSON), so an inlined value reads
// exactly as the same value sent as a parameter.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => string | null };

/**
 * `text` with its `$1…$n` placeholders replaced by quoted literals of `params`, for statements sent together in one
 * simple-protocol message. A quoted literal is untyped, as a parameter is, so the server resolves its type the same
 * way. Placeholders inside quoted strings, quoted identifiers and comments are left alone.
 */
export function inlineParams(text: string, params: readonly unknown[] = []): string {
  if (params.length === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const end = skipQuoted(text, i);
    if (end > i) {
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$' && /[0-9]/.test(text[i + 1] ?? '') && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      let j = i + 1;
      while (/[0-9]/.test(text[j] ?? '')) j++;
      const n = Number(text.slice(i + 1, j));
      if (n < 1 || n > params.length) throw new Error(`inlineParams: $${n} has no parameter (${params.length} given)`);
      out += literal(params[n - 1]);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function literal(value: unknown): string {
  const text = prepareValue(value);
  return text === null ? 'NULL' : pg.escapeLiteral(text);
}

/** The end of a quoted string, quoted identifier or comment starting at `i` (or `i` when none starts there). */
function skipQuoted(text: string, i: number): number {
  const c = text[i];
  const two = text.slice(i, i + 2);
  if (two === '--') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (two === '/*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (c === "'" || c === '"') {
    let j = i + 1;
    for (;;) {
      const k = text.indexOf(c, j);
      if (k < 0) return text.length;
      if (text[k + 1] === c) j = k + 2;
      else return k + 1;
    }
  }
  if (c === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
    if (tag && !/[0-9]/.test(text[i + 1] ?? '')) {
      const close = text.indexOf(tag[0], i + tag[0].length);
      return close < 0 ? text.length : close + tag[0].length;
    }
  }
  return i;
}
