/**
 * Request bodies from the service's own OpenAPI document: the documented example of an operation (the body's
 * `example`, or its properties' examples, recursively), optionally completed with a plain value for each required
 * property that has none, so suites can send a well-formed body to every command without a list to keep.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  minLength?: number;
  format?: string;
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
  if (s?.allOf?.length === 1) return resolve(doc, s.allOf[0]);
  return s;
}

/** The JSON request body's schema of an operation, or undefined when it takes none. */
export function requestBodyOf(doc: OpenApiDocument, path: string, method: string): { schema?: Schema; example?: unknown } | undefined {
  const json = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json'];
  return json ? { schema: resolve(doc, json.schema), example: json.example } : undefined;
}

/**
 * The documented example of a schema: its own `example`, else an object of its properties' examples (nested
 * objects and arrays of documented items included). `complete` also fills required properties without an example
 * (an enum's first value, a type's plain value). Undefined when nothing is documented.
 */
export function exampleOf(doc: OpenApiDocument, schema: Schema | undefined, complete = false, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (!s || depth > 8) return undefined;
  if (s.example !== undefined) return s.example;
  if (s.type === 'array' || s.items) {
    const item = exampleOf(doc, s.items, complete, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (s.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(s.properties)) {
      let value = exampleOf(doc, property, complete, depth + 1);
      if (value === undefined && complete && s.required?.includes(name)) value = plainValue(doc, property, depth + 1);
      if (value !== undefined) out[name] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return complete && depth === 0 ? plainValue(doc, s, depth) : undefined;
}

function plainValue(doc: OpenApiDocument, schema: Schema | undefined, depth: number): unknown {
  const s = resolve(doc, schema);
  if (!s) return undefined;
  if (s.enum?.length) return s.enum[0];
  if (s.properties) return exampleOf(doc, s, true, depth) ?? {};
  if (s.type === 'array') return [plainValue(doc, s.items, depth + 1)].filter((v) => v !== undefined);
  if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 1;
  if (s.type === 'boolean') return true;
  if (s.format === 'date') return '2027-01-15';
  return 'x'.repeat(Math.max(1, s.minLength ?? 8));
}

/** Replaces the top-level fields of a body named like a fixture id (grantId, measureId, recipientOrg…) by that id. */
export function withFixtureIds(body: unknown, idFor: (name: string) => string | undefined): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? (idFor(k) ?? v) : v]));
}
