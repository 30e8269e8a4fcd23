/** The operations of the service's own OpenAPI document, so suites cover every endpoint without a list to keep. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: string[];
  hasBody: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: unknown; parameters?: Array<{ name: string; in: string }> }>>;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
      ops.push({ method: m as Operation['method'], path, params, hasBody: op.requestBody !== undefined });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Fills a path template with values (already encoded). */
export function pathWith(path: string, value: (param: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_, p: string) => value(p));
}
