import { describe, expect, it } from 'vitest';
import { checkHashPrefix, symlinkProblem, treePathProblem, TreeHasher, UnsafeTreeError } from '../../src/core/store/tree.js';
import { expectedHash } from './helpers.js';

describe('content hash', () => {
  it('is sha256 over "<mode> <sha256> <path>\\n" lines sorted by path bytes', () => {
    const hasher = new TreeHasher();
    // Added out of order, with a path whose UTF-8 bytes sort after ASCII and one that sorts before "/".
    hasher.add({ path: 'é.txt', mode: '100644', data: Buffer.from('accent\n') });
    hasher.add({ path: 'a/b', mode: '100755', data: Buffer.from('#!/bin/sh\n') });
    hasher.add({ path: 'a-b', mode: '120000', data: Buffer.from('a/b') });
    const files = [
      { path: 'a-b', mode: '120000', data: 'a/b' },
      { path: 'a/b', mode: '100755', data: '#!/bin/sh\n' },
      { path: 'é.txt', mode: '100644', data: 'accent\n' },
    ];
    expect(hasher.digest()).toBe(expectedHash(files));
    // A fixed vector, so the serialisation cannot drift unnoticed (other tools compute it too).
    const vector = new TreeHasher();
    vector.add({ path: 'VERSION', mode: '100644', data: Buffer.from('v1\n') });
    // printf '100644 %s VERSION\n' "$(printf 'v1\n' | sha256sum | cut -d' ' -f1)" | sha256sum
    expect(vector.digest()).toBe('eb7e6fbd59b570780aab3b39b345d44da61d197528ade980a05e6c3c37ac7afa');
  });

  it('changes with the mode, the content and the path', () => {
    const one = (path: string, mode: '100644' | '100755', data: string) => {
      const h = new TreeHasher();
      h.add({ path, mode, data: Buffer.from(data) });
      return h.digest();
    };
    const base = one('f', '100644', 'x');
    expect(one('f', '100755', 'x')).not.toBe(base);
    expect(one('f', '100644', 'y')).not.toBe(base);
    expect(one('g', '100644', 'x')).not.toBe(base);
  });

  it('refuses a path that is both a file and a directory, and a path given twice', () => {
    const h = new TreeHasher();
    h.add({ path: 'a', mode: '120000', data: Buffer.from('.') });
    h.add({ path: 'a/b', mode: '100644', data: Buffer.from('x') });
    expect(() => h.digest()).toThrow(UnsafeTreeError);
    const twice = new TreeHasher();
    twice.add({ path: 'a', mode: '100644', data: Buffer.from('x') });
    twice.add({ path: 'a', mode: '100644', data: Buffer.from('y') });
    expect(() => twice.digest()).toThrow(/"a" appears twice/);
  });
});

describe('tree paths and links', () => {
  it.each([
    ['src/app.txt', undefined],
    ['.github/workflows/ci.yml', undefined],
    ['', 'is an empty path'],
    ['/etc/passwd', 'is an absolute path'],
    ['a/../b', "contains '..'"],
    ['..', "contains '..'"],
    ['a//b', "has an empty or '.' segment"],
    ['./a', "has an empty or '.' segment"],
    ['.git/config', "contains a '.git' segment"],
    ['sub/.GIT/hooks/post-checkout', "contains a '.git' segment"],
    ['a\nb', 'contains a newline or NUL'],
  ])('path %j: %s', (path, problem) => {
    expect(treePathProblem(path)).toBe(problem);
  });

  it.each([
    ['link', 'target', true],
    ['a/link', '../b', true],
    ['a/b/link', '../../c/d', true],
    ['a/link', '..', true],
    ['link', '../x', false],
    ['a/link', '../../x', false],
    ['link', '/etc/passwd', false],
    ['link', 'a/../../x', false],
    ['a/link', 'b/..', false],
    ['link', '', false],
  ])('link %s -> %s is safe: %s', (path, target, safe) => {
    expect(symlinkProblem(path, target) === undefined).toBe(safe);
  });

  it('checks HASH arguments', () => {
    expect(checkHashPrefix('0123abcd', 'HASH')).toBe('0123abcd');
    expect(() => checkHashPrefix('0123abc', 'HASH')).toThrow(/^HASH: not a store hash/);
    expect(() => checkHashPrefix('0123ABCD', 'HASH')).toThrow(/^HASH: "0123ABCD" must be lowercase hex$/);
    expect(() => checkHashPrefix('a'.repeat(65), 'HASH')).toThrow(/^HASH: not a store hash/);
  });
});
