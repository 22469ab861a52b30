import { describe, expect, it } from 'vitest';
import { refNameProblem, isValidComponentName } from '../../src/core/names.js';
import { repoUrlProblem } from '../../src/core/repo-url.js';
import { isInside } from '../../src/core/paths.js';

describe('ref names (git check-ref-format rules, and no leading dash)', () => {
  const good = ['v1.2.0', 'release/2026-11', 'v1.0.0-rc.1', 'hotfix_1', 'ünïcode'];
  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    ['--upload-pack=x', /starts with '-'/],
    ['-v1', /starts with '-'/],
    ['../x', /'\.\.'/],
    ['a..b', /'\.\.'/],
    ['a b', /space/],
    ['a\nb', /control/],
    ['a~1', /~/],
    ['a^', /~/],
    ['a:b', /~/],
    ['a?', /~/],
    ['a*', /~/],
    ['a[b', /~/],
    ['a\\b', /~/],
    ['a@{1}', /'@\{'/],
    ['@', /'@'/],
    ['a//b', /'\/\/'/],
    ['a/', /ends with/],
    ['a.', /ends with/],
    ['.hidden', /starting with '\.'/],
    ['a/.b', /starting with '\.'/],
    ['x.lock', /'\.lock'/],
    ['a'.repeat(256), /too long/],
  ];
  for (const name of good) it(`accepts ${JSON.stringify(name)}`, () => expect(refNameProblem(name)).toBeUndefined());
  for (const [name, problem] of bad) it(`refuses ${JSON.stringify(name.slice(0, 20))}`, () => expect(refNameProblem(name)).toMatch(problem));
});

describe('component names, repo URLs and paths', () => {
  it('component names are path-safe', () => {
    for (const n of ['web-ui', 'a', 'svc.v2', 'A_b-3']) expect(isValidComponentName(n)).toBe(true);
    for (const n of ['', '..', '../x', 'a/b', '-a', '.a', 'a..b', 'x.lock', 'a\0b', 'a b']) expect(isValidComponentName(n)).toBe(false);
  });
  it('repo URLs may not use transports that run commands', () => {
    for (const u of ['https://github.com/a/b.git', 'git@github.com:a/b.git', 'ssh://git@h/a', '../repos/a', '/srv/git/a', 'file:///srv/a']) expect(repoUrlProblem(u)).toBeUndefined();
    expect(repoUrlProblem('ext::sh -c evil')).toMatch(/'::' transport/);
    expect(repoUrlProblem('fd::3')).toMatch(/'::' transport/);
    expect(repoUrlProblem('-u/evil')).toMatch(/starts with '-'/);
    expect(repoUrlProblem('gopher://x/y')).toMatch(/unsupported transport 'gopher'/);
    expect(repoUrlProblem('https://x\n/y')).toMatch(/control character/);
  });
  it('isInside keeps paths under the root', () => {
    expect(isInside('/r', '/r/a/b')).toBe(true);
    expect(isInside('/r', '/r')).toBe(true);
    expect(isInside('/r', '/r/../x')).toBe(false);
    expect(isInside('/r', '/rx')).toBe(false);
    expect(isInside('/r', '/etc')).toBe(false);
  });
});
