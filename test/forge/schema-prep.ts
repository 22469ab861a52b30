// Turns OpenAPI 3.0 schema dialect into something Ajv (draft-07) validates the
// same way GitHub means it. The main difference is `nullable`: Ajv only accepts
// it next to `type`, so the other spellings are rewritten as `anyOf [..., null]`.
import type { JsonObject } from './spec.js';

export interface PrepOptions {
  /** Prefix for local `#/...` references, so fragments resolve against the added document. */
  refBase?: string;
}

const IGNORED = new Set(['example', 'examples', 'description', 'title', 'x-github', 'discriminator', 'externalDocs']);

export function prepareSchema(node: unknown, options: PrepOptions = {}): unknown {
  if (Array.isArray(node)) return node.map((n) => prepareSchema(n, options));
  if (!node || typeof node !== 'object') return node;
  const source = node as JsonObject;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (IGNORED.has(key) && typeof value !== 'object') continue;
    if (key === 'example' || key === 'examples' || key === 'x-github' || key === 'discriminator') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      // Property names are data, not keywords: never drop `description` etc. here.
      out.properties = Object.fromEntries(
        Object.entries(value as JsonObject).map(([k, v]) => [k, prepareSchema(v, options)]),
      );
      continue;
    }
    if (key === '$ref' && typeof value === 'string' && options.refBase && value.startsWith('#/')) {
      out.$ref = options.refBase + value;
      continue;
    }
    out[key] = prepareSchema(value, options);
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
  const constraining = Object.keys(rest).filter((k) => !IGNORED.has(k) && k !== 'readOnly' && k !== 'default');
  if (constraining.length === 0) return rest;
  return { anyOf: [rest, { type: 'null' }] };
}
