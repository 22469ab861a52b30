import { InputError } from './errors.js';

// Component and environment names become path segments and branch-name parts, so they are
// held to a conservative alphabet rather than "anything git or the filesystem would take".
const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ABBREV_SHA = /^[0-9a-f]{7,64}$/;

export function checkComponentName(name: string, where = 'component'): string {
  if (!COMPONENT_NAME.test(name) || name.includes('..') || name.endsWith('.lock')) {
    throw new InputError(`${where}: invalid component name ${quote(name)} (letters, digits, '.', '_' and '-'; no '..')`);
  }
  return name;
}

export function isValidComponentName(name: string): boolean {
  return COMPONENT_NAME.test(name) && !name.includes('..') && !name.endsWith('.lock');
}

// The Python tool takes `eu.prod`, so dots are allowed; `..`, a trailing `.` and `.lock` are not,
// because the name also becomes part of git ref names (head branches, known-good refs).
export function checkEnvName(env: string, where = '--env'): string {
  if (!isValidEnvName(env)) {
    throw new InputError(`${where}: invalid environment name ${quote(env)} (letters, digits, '.', '_' and '-'; no '..', no trailing '.' or '.lock')`);
  }
  return env;
}

export function isValidEnvName(env: string): boolean {
  return ENV_NAME.test(env) && !env.includes('..') && !env.endsWith('.') && !env.endsWith('.lock');
}

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

export function checkFullSha(value: string, where: string): string {
  if (!FULL_SHA.test(value)) {
    throw new InputError(`${where}: not a SHA (${quote(value)}; expected 40 or 64 lowercase hex digits)`);
  }
  return value;
}

export function checkShaOrAbbrev(value: string, where: string): string {
  if (!ABBREV_SHA.test(value)) {
    if (/^[0-9a-fA-F]{7,64}$/.test(value)) {
      throw new InputError(`${where}: ${quote(value)} must be lowercase hex`);
    }
    throw new InputError(`${where}: not a commit SHA (${quote(value)}; expected 7 to 64 lowercase hex digits)`);
  }
  return value;
}

/**
 * The rules of `git check-ref-format`, applied before a name ever reaches git, plus a ban on a
 * leading '-' so a tag can never be read as an option (`--upload-pack=...`).
 */
export function refNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 255) return 'is too long';
  if (name.startsWith('-')) return "starts with '-'";
  if (name === '@') return "is '@'";
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'contains a space, control character or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return "contains '..'";
  if (name.includes('@{')) return "contains '@{'";
  if (name.includes('//')) return "contains '//'";
  if (name.endsWith('/') || name.endsWith('.')) return "ends with '/' or '.'";
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return "has a part starting with '.'";
    if (part.endsWith('.lock')) return "has a part ending with '.lock'";
  }
  return undefined;
}

export function checkRefName(name: string, where: string): string {
  const problem = refNameProblem(name);
  if (problem) throw new InputError(`${where}: invalid ref name ${quote(name)}: ${problem}`);
  return name;
}

/**
 * A pinned version is free text (a tag, `1.2.3-rc1`, a short SHA), but it ends up in commit messages,
 * pull request titles and one-line errors, so it may not hold control characters such as newlines.
 */
export function versionProblem(version: string): string | undefined {
  if (version.length > 255) return 'is longer than 255 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(version)) return 'contains a control character (newline, tab, NUL, ...)';
  return undefined;
}

/** Quotes a user value for an error message without letting it break the one-line format. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
