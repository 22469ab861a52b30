// Tests make real commits; give git an identity and a quiet default branch without
// touching the developer's own configuration.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): void {
  const home = mkdtempSync(join(tmpdir(), 'meta-rollback-home-'));
  const config = join(home, '.gitconfig');
  writeFileSync(
    config,
    [
      '[user]',
      '\tname = Meta Rollback Tests',
      '\temail = tests@meta-rollback.invalid',
      '[init]',
      '\tdefaultBranch = main',
      '[advice]',
      '\tdetachedHead = false',
      '[protocol "file"]',
      '\tallow = always',
      '',
    ].join('\n'),
  );
  process.env.GIT_CONFIG_GLOBAL = config;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_AUTHOR_NAME = 'Meta Rollback Tests';
  process.env.GIT_AUTHOR_EMAIL = 'tests@meta-rollback.invalid';
  process.env.GIT_COMMITTER_NAME = 'Meta Rollback Tests';
  process.env.GIT_COMMITTER_EMAIL = 'tests@meta-rollback.invalid';
}
