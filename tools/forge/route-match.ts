// Maps a concrete request path onto one of the OpenAPI path templates.
import { deref, loadSpec, type OpenApiDocument, type OpenApiOperation, type OpenApiParameter } from './spec.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

export interface MatchedOperation {
  method: string;
  template: string;
  operation: OpenApiOperation;
  params: Record<string, string>;
}

interface CompiledTemplate {
  template: string;
  regex: RegExp;
  names: string[];
  /** Literal characters; more literal text means a more specific template. */
  specificity: number;
}

// GitHub accepts slashes in these even though the description does not flag them
// with x-multi-segment (e.g. `compare/main...feature/x`).
const ALSO_MULTI_SEGMENT = new Set(['basehead', 'base', 'head']);

let table: CompiledTemplate[] | undefined;

function multiSegmentNames(doc: OpenApiDocument, template: string): Set<string> {
  const names = new Set(ALSO_MULTI_SEGMENT);
  const item = doc.paths[template] ?? {};
  for (const [method, op] of Object.entries(item)) {
    if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
    for (const p of (op as OpenApiOperation).parameters ?? []) {
      const param = deref<OpenApiParameter>(doc, p);
      if (param.in === 'path' && param['x-multi-segment']) names.add(param.name);
    }
  }
  return names;
}

function compile(doc: OpenApiDocument, template: string): CompiledTemplate {
  const multi = multiSegmentNames(doc, template);
  const names: string[] = [];
  let specificity = 0;
  let source = '';
  for (const piece of template.split(/(\{[^}]+\})/)) {
    const param = /^\{([^}]+)\}$/.exec(piece);
    if (param) {
      names.push(param[1]);
      source += multi.has(param[1]) ? '(.+?)' : '([^/]+)';
    } else {
      specificity += piece.length;
      source += piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { template, regex: new RegExp(`^${source}$`), names, specificity };
}

function routeTable(): CompiledTemplate[] {
  if (!table) {
    const { doc } = loadSpec();
    table = Object.keys(doc.paths)
      .map((t) => compile(doc, t))
      .sort((a, b) => b.specificity - a.specificity);
  }
  return table;
}

/**
 * Finds the operation for `method` + `path` (path still percent-encoded, without
 * any `/api/v3` prefix). `pathKnown` tells a wrong method apart from an unknown path.
 */
export function matchOperation(method: string, path: string): { match?: MatchedOperation; pathKnown: boolean } {
  const { doc } = loadSpec();
  const lower = method.toLowerCase();
  let pathKnown = false;
  for (const entry of routeTable()) {
    const m = entry.regex.exec(path);
    if (!m) continue;
    pathKnown = true;
    const operation = doc.paths[entry.template][lower] as OpenApiOperation | undefined;
    if (!operation) continue;
    const params: Record<string, string> = {};
    entry.names.forEach((name, i) => {
      params[name] = safeDecode(m[i + 1]);
    });
    return { match: { method: method.toUpperCase(), template: entry.template, operation, params }, pathKnown };
  }
  return { pathKnown };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
