// Checks requests and responses against GitHub's OpenAPI description. Validators
// are compiled lazily per (operation, status) because compiling the whole
// description up front takes far longer than any test run needs.
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { MatchedOperation } from './route-match.js';
import { prepareSchema } from './schema-prep.js';
import { deref, loadSpec, type OpenApiOperation, type OpenApiParameter, type OpenApiResponse } from './spec.js';

export { matchOperation, type MatchedOperation } from './route-match.js';

const DOC_ID = 'https://forge.invalid/api.github.com.json';

// Formats GitHub uses that ajv-formats does not define; they carry no constraint we check.
const PERMISSIVE_FORMATS = ['int64', 'int32', 'double', 'repo.nwo', 'binary', 'timestamp'];

export interface OpenApiStats {
  loadMs: number;
  /** Building Ajv and adding the prepared component schemas. */
  setupMs: number;
  compiles: number;
  compileMs: number;
  firstCompileMs?: number;
}

const stats: OpenApiStats = { loadMs: 0, setupMs: 0, compiles: 0, compileMs: 0 };
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

type FormatsPlugin = (a: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

function getAjv(): Ajv {
  if (!ajv) {
    const { doc, timings } = loadSpec();
    stats.loadMs = timings.loadMs;
    const started = performance.now();
    const instance = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(instance);
    for (const f of PERMISSIVE_FORMATS) instance.addFormat(f, true);
    const schemas = Object.fromEntries(Object.entries(doc.components.schemas).map(([name, schema]) => [name, prepareSchema(schema)]));
    instance.addSchema({ $id: DOC_ID, components: { schemas } });
    stats.setupMs = performance.now() - started;
    ajv = instance;
  }
  return ajv;
}

function validatorFor(key: string, schema: unknown): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    const instance = getAjv();
    const started = performance.now();
    v = instance.compile(prepareSchema(schema, { refBase: DOC_ID }) as object);
    const ms = performance.now() - started;
    stats.compiles += 1;
    stats.compileMs += ms;
    stats.firstCompileMs ??= ms;
    validators.set(key, v);
  }
  return v;
}

export function openApiStats(): OpenApiStats {
  return { ...stats };
}

/** Loads the description and prepares Ajv so the first request is not slowed down. */
export function warmUpOpenApi(): OpenApiStats {
  getAjv();
  return openApiStats();
}

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('; ');
}

function jsonSchemaOf(content: Record<string, { schema?: unknown }> | undefined): unknown {
  if (!content) return undefined;
  const key = Object.keys(content).find((k) => k === 'application/json' || /[/+]json$/.test(k));
  return key ? content[key].schema : undefined;
}

function operationKey(match: MatchedOperation): string {
  return `${match.method} ${match.template}`;
}

/** Query parameters the operation does not declare or whose values break the declared schema. */
export function checkQuery(match: MatchedOperation, query: Record<string, string>): string[] {
  const { doc } = loadSpec();
  const declared = new Map<string, OpenApiParameter>();
  for (const p of match.operation.parameters ?? []) {
    const param = deref<OpenApiParameter>(doc, p);
    if (param.in === 'query') declared.set(param.name, param);
  }
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const param = declared.get(name);
    if (!param) {
      problems.push(`query parameter '${name}' is not in the OpenAPI description`);
      continue;
    }
    const schema = param.schema ?? {};
    const value = coerceQueryValue(raw, schema);
    const v = validatorFor(`${operationKey(match)} query ${name}`, schema);
    if (!v(value)) problems.push(`query parameter '${name}'=${JSON.stringify(raw)}: ${describeErrors(v)}`);
  }
  for (const [name, param] of declared) {
    if (param.required && !(name in query)) problems.push(`required query parameter '${name}' missing`);
  }
  return problems;
}

function coerceQueryValue(raw: string, schema: Record<string, unknown>): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (schema.type === 'array') return raw.split(',');
  return raw;
}

/** `body` is the parsed JSON body, or undefined when the request had none. */
export function checkRequestBody(match: MatchedOperation, body: unknown, hasBody: boolean): string[] {
  const requestBody = match.operation.requestBody;
  if (!requestBody) {
    return hasBody ? ['request has a body but the operation takes none'] : [];
  }
  if (!hasBody) return requestBody.required ? ['request body is required but missing'] : [];
  const schema = jsonSchemaOf(requestBody.content);
  if (schema === undefined) return ['operation does not accept a JSON request body'];
  const v = validatorFor(`${operationKey(match)} request`, schema);
  return v(body) ? [] : [`request body: ${describeErrors(v)}`];
}

export function checkResponse(match: MatchedOperation, status: number, body: unknown, hasBody: boolean): string[] {
  const { doc } = loadSpec();
  const responses = match.operation.responses;
  const declared = responses[String(status)] ?? responses.default;
  if (!declared) {
    return [`response status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
  }
  const response = deref<OpenApiResponse>(doc, declared);
  let schema = jsonSchemaOf(response.content);
  if (schema === undefined) {
    // The description leaves some error bodies out, yet GitHub always sends its
    // usual { message, documentation_url } for them and clients read it.
    if (status >= 400 && hasBody) schema = { $ref: '#/components/schemas/basic-error' };
    else return hasBody && status !== 304 ? [`response ${status} should have no JSON body`] : [];
  }
  if (!hasBody) return [`response ${status} is missing its JSON body`];
  const v = validatorFor(`${operationKey(match)} response ${status}`, schema);
  return v(body) ? [] : [`response ${status} body: ${describeErrors(v)}`];
}

export type { OpenApiOperation };
