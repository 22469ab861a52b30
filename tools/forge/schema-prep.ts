// Turns OpenAPI 3.0 schema dialect into something Ajv (draft-07) validates the
// same way GitHub means it. The main difference is `nullable`: Ajv only accepts
// it next to `type`, so the other spellings are rewritten as `anyOf [..., null]`.
import type { JsonObject } from './spec.js';

export interface PrepOptions {
  /** Prefix for local `#/...` references, so fragments resolve against the added document. */
  refBase?: string;
}

// Annotations that never constrain a value. Ajv ignores unknown keywords with
// strict: false, but dropping them keeps the added document small.
const ANNOTATIONS = new Set(['example', 'examples', 'description', 'title', 'x-github', 'discriminator', 'externalDocs', 'readOnly', 'default']);

export function prepareSchema(node: unknown, options: PrepOptions = {}): unknown {
  if (Array.isArray(node)) return node.map((n) => prepareSchema(n, options));
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      // Keys under `properties` are field names, not keywords: a field may well be called `title`.
      out.properties = Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, prepareSchema(v, options)]));
    } else if (key === '$ref' && typeof value === 'string' && options.refBase && value.startsWith('#/')) {
      out.$ref = options.refBase + value;
    } else {
      out[key] = prepareSchema(value, options);
    }
  }
  return rewriteNullable(out);
}

function rewriteNullable(schema: JsonObject): JsonObject {
  if (!('nullable' in schema)) return schema;
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  if (typeof rest.type === 'string') {
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) rest.enum = [...rest.enum, null];
    return { ...rest, nullable: true };
  }
  if (Object.keys(rest).length === 0) return rest;
  return { anyOf: [rest, { type: 'null' }] };
}
