import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { editLockText, renderScalar } from '../../src/core/lock-edit.js';
import { parseLock } from '../../src/core/lock.js';
import { parseYamlText } from '../../src/core/yaml-source.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const DIGITS = '1234567890123456789012345678901234567890';

function edit(text: string, writes: Parameters<typeof editLockText>[1]): string {
  return editLockText(parseLock(parseYamlText(text, 'lock.yaml')), writes, '2026-11-25T12:00:00Z');
}

describe('editLockText', () => {
  it('replaces only the changed scalars, keeping quoting, comments and flow sequences', () => {
    const text = [
      '# header comment',
      'generated_at: "2026-11-20T10:36:00Z"',
      'components:',
      '  alpha:   # the first',
      "    version: 'v1.2.0'",
      `    commit: ${A}  # pinned`,
      '    depends_on: [beta,gamma]',
      '  beta:',
      '    version: v2',
      `    commit: ${B}`,
      '',
    ].join('\n');
    const out = edit(text, [{ component: 'alpha', pin: { version: 'v1.1.0', commit: B } }]);
    expect(out).toBe(
      [
        '# header comment',
        'generated_at: "2026-11-25T12:00:00Z"',
        'components:',
        '  alpha:   # the first',
        "    version: 'v1.1.0'",
        `    commit: ${B}  # pinned`,
        '    depends_on: [beta,gamma]',
        '  beta:',
        '    version: v2',
        `    commit: ${B}`,
        '',
      ].join('\n'),
    );
  });

  it('returns the text unchanged, generated_at included, when nothing differs', () => {
    const text = `generated_at: '2026-11-20T10:36:00Z'\ncomponents:\n  alpha:\n    version: v1\n    commit: ${A}\n`;
    expect(edit(text, [{ component: 'alpha', pin: { version: 'v1', commit: A } }])).toBe(text);
  });

  it('adds a missing version key at the entry indentation', () => {
    const text = `components:\n    alpha:\n        commit: ${A} # c\n    beta:\n        commit: ${B}\n`;
    const out = edit(text, [{ component: 'alpha', pin: { version: 'v9', commit: A } }]);
    expect(out).toBe(`generated_at: '2026-11-25T12:00:00Z'\ncomponents:\n    alpha:\n        commit: ${A} # c\n        version: v9\n    beta:\n        commit: ${B}\n`);
  });

  it('appends a new entry at the end of the components map', () => {
    const text = `generated_at: '2026-11-20T10:36:00Z'\ncomponents:\n  alpha:\n    version: v1\n    commit: ${A}\n# trailing comment\n`;
    const out = edit(text, [{ component: 'zeta', pin: { version: 'v3', commit: B }, repo: 'https://example.invalid/zeta.git' }]);
    expect(parseLock(parseYamlText(out, 'x')).entries.get('zeta')).toMatchObject({ version: 'v3', commit: B, repo: 'https://example.invalid/zeta.git' });
    expect(out).toContain(`  alpha:\n    version: v1\n    commit: ${A}\n  zeta:\n    version: v3\n    commit: ${B}\n    repo: https://example.invalid/zeta.git\n`);
    expect(out).toContain('# trailing comment');
  });

  it('edits flow-style entries in place', () => {
    const text = `components:\n  alpha: {version: v1, commit: ${A}}\n`;
    const out = edit(text, [{ component: 'alpha', pin: { version: 'v0', commit: B } }]);
    expect(out).toBe(`generated_at: '2026-11-25T12:00:00Z'\ncomponents:\n  alpha: {version: v0, commit: ${B}}\n`);
  });

  it('quotes values that a YAML reader would turn into numbers, booleans or dates', () => {
    expect(renderScalar(DIGITS)).toBe(`'${DIGITS}'`);
    expect(renderScalar('1.10')).toBe("'1.10'");
    expect(renderScalar('yes')).toBe("'yes'");
    expect(renderScalar('2026-11-25T12:00:00Z')).toBe("'2026-11-25T12:00:00Z'");
    expect(renderScalar('v1.10')).toBe('v1.10');
    expect(renderScalar(A)).toBe(A);
    expect(renderScalar("it's", 'QUOTE_DOUBLE')).toBe('"it\'s"');
    const text = `components:\n  alpha:\n    version: v1\n    commit: ${A}\n`;
    const out = edit(text, [{ component: 'alpha', pin: { version: '2', commit: DIGITS } }]);
    expect(parseLock(parseYamlText(out, 'x')).entries.get('alpha')).toMatchObject({ version: '2', commit: DIGITS });
  });

  it('every rendered value reads back as the same string in YAML 1.2 and 1.1 (fast paths included)', () => {
    const values = [
      '1234567e89', '12e4', '0e0', '1e1000000000000000000000000000000000000000'.slice(0, 40), 'e'.repeat(40), 'ee12', '0x1f', '0o17', '017', '1_000',
      '12:30', '1:20:30', 'v1', 'V2.0', 'Yes', 'yEs', 'On', 'OFF', 'Null', 'NULL', 'y', 'n', 'Y', 'N', '~', 'true', 'False', 'nan', 'NaN',
      '.inf', '.NaN', 'Infinity', 'release/2026-11', 'a+b', 'x-1', '-1', '+1', '2026-11-25', 'abc#def', 'a: b', '/srv/git/a.git', 'https://github.com/acme/a.git', 'file:///tmp/x', 'ssh://git@host:22/a', '/a b', 'https://x/#frag',
    ];
    for (let i = 0; i < 200; i++) values.push(createHash('sha1').update(String(i)).digest('hex'));
    for (const value of values) {
      const text = `k: ${renderScalar(value)}\n`;
      expect(parse(text).k, value).toBe(value);
      expect(parse(text, { version: '1.1' }).k, value).toBe(value);
    }
  });
});
