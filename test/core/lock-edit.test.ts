import { describe, expect, it } from 'vitest';
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
});
