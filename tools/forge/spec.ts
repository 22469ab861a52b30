// Loads GitHub's published OpenAPI description once per process. Only the
// non-dereferenced api.github.com.json is read: the package index pulls in every
// variant (hundreds of MB), and the dereferenced files are several times larger.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type JsonObject = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

export interface OpenApiMediaType {
  schema?: JsonObject;
}

export interface OpenApiResponse {
  description?: string;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: {
    schemas: Record<string, JsonObject>;
    responses: Record<string, OpenApiResponse>;
    parameters: Record<string, OpenApiParameter>;
  };
}

export interface SpecTimings {
  /** Reading and parsing the JSON file. */
  loadMs: number;
}

let cached: { doc: OpenApiDocument; timings: SpecTimings } | undefined;

export function specFilePath(): string {
  const require = createRequire(import.meta.url);
  // Resolving package.json (not the index) finds the package without executing it.
  const pkg = require.resolve('@octokit/openapi/package.json');
  return pkg.replace(/package\.json$/, 'generated/api.github.com.json');
}

export function loadSpec(): { doc: OpenApiDocument; timings: SpecTimings } {
  if (!cached) {
    const started = performance.now();
    const doc = JSON.parse(readFileSync(specFilePath(), 'utf8')) as OpenApiDocument;
    cached = { doc, timings: { loadMs: performance.now() - started } };
  }
  return cached;
}

/** Follows one local `$ref` (`#/components/...`) if the value is a reference. */
export function deref<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    const parts = value.$ref.replace(/^#\//, '').split('/').map(unescapePointer);
    let node: unknown = doc;
    for (const part of parts) node = (node as JsonObject)[part];
    if (node === undefined) throw new Error(`Unresolvable $ref ${value.$ref}`);
    return deref(doc, node as T | { $ref: string });
  }
  return value as T;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
