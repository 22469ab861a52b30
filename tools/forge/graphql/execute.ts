// Validates a parsed GraphQL document against a small typed schema, then runs
// it. Validation happens before any resolver runs, so a typo in a mutation's
// selection does not leave a half-applied change behind.
import {
  GraphQLSyntaxError,
  parseGraphQL,
  type Directive,
  type DocumentNode,
  type FieldNode,
  type Location,
  type OperationNode,
  type Selection,
  type Value,
} from './parse.js';

export interface FieldDef<C> {
  /** GraphQL type reference, e.g. `PullRequest`, `String!`, `[PullRequest!]!`. */
  type: string;
  /** Argument name → type reference (a trailing `!` makes it required). */
  args?: Record<string, string>;
  resolve?: (source: never, args: Record<string, unknown>, ctx: C) => unknown;
}

export type TypeDef<C> =
  | { kind: 'object'; fields: Record<string, FieldDef<C>>; interfaces?: string[] }
  | { kind: 'interface'; fields: Record<string, FieldDef<C>> }
  | { kind: 'scalar' }
  | { kind: 'enum'; values: string[] };

export interface Schema<C> {
  types: Record<string, TypeDef<C>>;
  query: string;
  mutation: string;
}

export interface GraphQLErrorJson {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: Location[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult {
  data?: unknown;
  errors?: GraphQLErrorJson[];
}

/** An error inside one field: the field becomes null and execution continues. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

/** A request-level problem: no data is returned at all. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const BUILTIN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function namedType(ref: string): string {
  return ref.replace(/[[\]!]/g, '');
}

function isList(ref: string): boolean {
  return ref.replace(/!$/, '').startsWith('[');
}

function innerType(ref: string): string {
  return ref.replace(/!$/, '').slice(1, -1);
}

class Executor<C> {
  private readonly errors: GraphQLErrorJson[] = [];

  constructor(
    private readonly schema: Schema<C>,
    private readonly doc: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly ctx: C,
  ) {
    this.variables = { ...variables };
  }

  private typeDef(name: string): TypeDef<C> | undefined {
    if (BUILTIN_SCALARS.has(name)) return { kind: 'scalar' };
    return this.schema.types[name];
  }

  private isComposite(name: string): boolean {
    const def = this.typeDef(name);
    return def?.kind === 'object' || def?.kind === 'interface';
  }

  // ---- validation -------------------------------------------------------

  validate(op: OperationNode): void {
    const declared = new Set(op.variables.map((v) => v.name));
    for (const v of op.variables) {
      if (this.variables[v.name] === undefined && v.defaultValue) this.variables[v.name] = this.valueOf(v.defaultValue);
      if (v.type.endsWith('!') && v.defaultValue === undefined && (this.variables[v.name] ?? null) === null) {
        throw new RequestError(`Variable $${v.name} of type ${v.type} was provided invalid value`, { code: 'variableMismatch' });
      }
    }
    const root = op.operation === 'mutation' ? this.schema.mutation : this.schema.query;
    if (op.operation === 'subscription') throw new RequestError('Subscriptions are not supported');
    this.validateSelections(root, op.selections, declared, new Set());
  }

  private validateSelections(typeName: string, selections: Selection[], declared: Set<string>, seenFragments: Set<string>): void {
    const def = this.typeDef(typeName);
    if (!def || (def.kind !== 'object' && def.kind !== 'interface')) throw new RequestError(`No such type ${typeName}`);
    for (const sel of selections) {
      this.validateDirectives(sel.directives, declared);
      if (sel.kind === 'inline') {
        const target = sel.typeCondition ?? typeName;
        if (!this.isComposite(target)) throw new RequestError(`No such type ${target}, so it can't be a fragment condition`);
        this.validateSelections(target, sel.selections, declared, seenFragments);
      } else if (sel.kind === 'spread') {
        const fragment = this.doc.fragments.get(sel.name);
        if (!fragment) throw new RequestError(`Fragment ${sel.name} was used, but not defined`);
        if (seenFragments.has(sel.name)) throw new RequestError(`Fragment ${sel.name} contains an infinite loop`);
        this.validateSelections(fragment.typeCondition, fragment.selections, declared, new Set([...seenFragments, sel.name]));
      } else {
        this.validateField(typeName, def.fields, sel, declared, seenFragments);
      }
    }
  }

  private validateField(
    typeName: string,
    fields: Record<string, FieldDef<C>>,
    field: FieldNode,
    declared: Set<string>,
    seenFragments: Set<string>,
  ): void {
    if (field.name === '__typename') return;
    const fieldDef = fields[field.name];
    if (!fieldDef) {
      throw new RequestError(`Field '${field.name}' doesn't exist on type '${typeName}'`, { code: 'undefinedField', typeName, fieldName: field.name });
    }
    const argDefs = fieldDef.args ?? {};
    for (const [name, value] of Object.entries(field.args)) {
      if (!(name in argDefs)) {
        throw new RequestError(`Field '${field.name}' doesn't accept argument '${name}'`, { code: 'argumentNotAccepted', name });
      }
      this.validateValue(value, declared);
    }
    const missing = Object.entries(argDefs)
      .filter(([name, type]) => type.endsWith('!') && !(name in field.args))
      .map(([name]) => name);
    if (missing.length) {
      throw new RequestError(`Field '${field.name}' is missing required arguments: ${missing.join(', ')}`, { code: 'missingRequiredArguments' });
    }
    const returns = namedType(fieldDef.type);
    if (this.isComposite(returns)) {
      if (!field.selections) {
        throw new RequestError(`Field must have selections (field '${field.name}' returns ${returns} but has no selections. Did you mean '${field.name} { ... }'?)`);
      }
      this.validateSelections(returns, field.selections, declared, seenFragments);
    } else if (field.selections) {
      throw new RequestError(`Selections can't be made on scalars (field '${field.name}' returns ${returns} but has selections)`);
    }
  }

  private validateDirectives(directives: Directive[], declared: Set<string>): void {
    for (const d of directives) {
      if (d.name !== 'skip' && d.name !== 'include') throw new RequestError(`Directive @${d.name} is not defined`);
      for (const v of Object.values(d.args)) this.validateValue(v, declared);
    }
  }

  private validateValue(value: Value, declared: Set<string>): void {
    if (value.kind === 'variable' && !declared.has(value.name)) {
      throw new RequestError(`Variable $${value.name} is used but not declared`, { code: 'variableNotDefined' });
    }
    if (value.kind === 'list') value.values.forEach((v) => this.validateValue(v, declared));
    if (value.kind === 'object') Object.values(value.fields).forEach((v) => this.validateValue(v, declared));
  }

  // ---- execution --------------------------------------------------------

  private valueOf(value: Value): unknown {
    switch (value.kind) {
      case 'variable':
        return this.variables[value.name] ?? null;
      case 'literal':
        return value.value;
      case 'enum':
        return value.value;
      case 'list':
        return value.values.map((v) => this.valueOf(v));
      case 'object':
        return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, this.valueOf(v)]));
    }
  }

  private included(directives: Directive[]): boolean {
    for (const d of directives) {
      const flag = Boolean(this.valueOf(d.args.if ?? { kind: 'literal', value: false }));
      if (d.name === 'skip' && flag) return false;
      if (d.name === 'include' && !flag) return false;
    }
    return true;
  }

  private appliesTo(condition: string | undefined, runtime: string): boolean {
    if (!condition || condition === runtime) return true;
    const def = this.schema.types[runtime];
    return def?.kind === 'object' && (def.interfaces ?? []).includes(condition);
  }

  private collect(runtime: string, selections: Selection[], out: FieldNode[] = []): FieldNode[] {
    for (const sel of selections) {
      if (!this.included(sel.directives)) continue;
      if (sel.kind === 'field') out.push(sel);
      else if (sel.kind === 'inline') {
        if (this.appliesTo(sel.typeCondition, runtime)) this.collect(runtime, sel.selections, out);
      } else {
        const fragment = this.doc.fragments.get(sel.name);
        if (fragment && this.appliesTo(fragment.typeCondition, runtime)) this.collect(runtime, fragment.selections, out);
      }
    }
    return out;
  }

  async executeObject(typeName: string, source: unknown, selections: Selection[], path: (string | number)[]): Promise<Record<string, unknown>> {
    const declaredDef = this.typeDef(typeName);
    const runtime =
      declaredDef?.kind === 'interface' ? String((source as { __typename?: string }).__typename) : typeName;
    const def = this.schema.types[runtime];
    if (def?.kind !== 'object') throw new Error(`Resolver returned ${runtime} for ${typeName}`);
    const result: Record<string, unknown> = {};
    for (const field of this.collect(runtime, selections)) {
      const key = field.alias ?? field.name;
      if (field.name === '__typename') {
        result[key] = runtime;
        continue;
      }
      const fieldDef = def.fields[field.name];
      const fieldPath = [...path, key];
      try {
        const args = Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, this.valueOf(v)]));
        const resolved = fieldDef.resolve
          ? await (fieldDef.resolve as (s: unknown, a: Record<string, unknown>, c: C) => unknown)(source, args, this.ctx)
          : (source as Record<string, unknown>)[field.name];
        result[key] = await this.complete(fieldDef.type, resolved, field, fieldPath);
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        this.errors.push({ type: err.type, path: fieldPath, locations: [field.loc], message: err.message });
        result[key] = null;
      }
    }
    return result;
  }

  private async complete(type: string, value: unknown, field: FieldNode, path: (string | number)[]): Promise<unknown> {
    if (value === null || value === undefined) return null;
    if (isList(type)) {
      const items = value as unknown[];
      return Promise.all(items.map((item, i) => this.complete(innerType(type), item, field, [...path, i])));
    }
    const name = namedType(type);
    if (this.isComposite(name)) return this.executeObject(name, value, field.selections ?? [], path);
    return value;
  }

  result(data: unknown): GraphQLResult {
    return this.errors.length ? { data, errors: this.errors } : { data };
  }
}

export interface ExecuteOutcome {
  result: GraphQLResult;
  /** Set when the request itself was malformed (syntax, unknown fields, ...). */
  requestError?: string;
}

export async function executeGraphQL<C>(
  schema: Schema<C>,
  source: string,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  ctx: C,
): Promise<ExecuteOutcome> {
  let doc: DocumentNode;
  try {
    doc = parseGraphQL(source);
  } catch (err) {
    if (!(err instanceof GraphQLSyntaxError)) throw err;
    const message = `Parse error: ${err.message} at [${err.loc.line}, ${err.loc.column}]`;
    return { result: { errors: [{ message, locations: [err.loc] }] }, requestError: message };
  }
  const ops = operationName ? doc.operations.filter((o) => o.name === operationName) : doc.operations;
  if (ops.length !== 1) {
    const message = operationName ? `No operation named "${operationName}"` : 'An operation name is required';
    return { result: { errors: [{ message }] }, requestError: message };
  }
  const op = ops[0];
  const executor = new Executor(schema, doc, variables ?? {}, ctx);
  try {
    executor.validate(op);
    const root = op.operation === 'mutation' ? schema.mutation : schema.query;
    const data = await executor.executeObject(root, {}, op.selections, []);
    return { result: executor.result(data) };
  } catch (err) {
    if (!(err instanceof RequestError)) throw err;
    return { result: { errors: [{ message: err.message, extensions: err.extensions }] }, requestError: err.message };
  }
}
