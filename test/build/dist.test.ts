import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromSource } from '../helpers/build-from-source.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

describe('dist/', () => {
  it('is what the build produces from src/ (rebuild and commit dist/ after changing src/)', () => {
    const out = buildFromSource();
    const built = readdirSync(out).sort();
    expect(readdirSync(join(repoRoot, 'dist')).sort()).toEqual(built);
    for (const file of built) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(join(repoRoot, 'dist', file), 'utf8');
      expect(committed === fresh, `dist/${file} is stale: run npm run build`).toBe(true);
    }
  });

  it('holds none of the local GitHub server (tools/forge is a development tool, never shipped)', () => {
    for (const file of ['index.js', 'cli.js']) {
      const text = readFileSync(join(repoRoot, 'dist', file), 'utf8');
      expect(text).not.toContain('startForge');
      expect(text).not.toContain('proc-receive-hook');
    }
  });
});
