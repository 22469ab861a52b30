import { join, relative, sep } from 'node:path';
import type { RunContext } from '../core/context.js';
import { checkLocks } from '../core/holds/check-locks.js';
import { escapeCell } from './report.js';

/** An error annotation on one line of a file, as `::error file=...,line=...::` puts it on a pull request's diff. */
export interface Annotation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface CheckModeResult {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly annotations: readonly Annotation[];
  readonly failed?: string;
}

/**
 * `mode: check`, the gate of a `pull_request` workflow on lock changes: one annotation per lock line
 * that pins a held commit, and a failed step while there is any, so the pull request cannot merge
 * until the pin changes or someone releases the hold. Paths are the workspace's (the repository's),
 * which is how GitHub places annotations, also when `root` is a subdirectory.
 */
export async function runCheckMode(ctx: RunContext, workspace: string): Promise<CheckModeResult> {
  const result = await checkLocks(ctx);
  const inRepo = (rel: string) => relative(workspace, join(ctx.root, rel)).split(sep).join('/');
  const annotations = result.offending.map((o) => ({ file: inRepo(o.file), line: o.line, message: o.message }));
  const rows = result.offending.map((o) => `| \`${inRepo(o.file)}:${o.line}\` | ${escapeCell(o.component)} | ${escapeCell(o.version)} | \`${o.commit.slice(0, 12)}\` | ${escapeCell(o.hold.reason ?? '')} |`);
  const summary = result.ok
    ? `## meta-rollback: check\n\nNo lock pins a held commit (${result.locks.length} lock files checked).\n`
    : `## meta-rollback: check\n\n| lock line | component | version | commit | hold reason |\n|---|---|---|---|---|\n${rows.join('\n')}\n\nPin another version, or release the hold (\`meta hold release NAME --commit SHA\`).\n`;
  return {
    outputs: { 'held-pins': JSON.stringify(result.offending.map((o) => ({ file: inRepo(o.file), line: o.line, component: o.component, commit: o.commit }))), changes: '[]' },
    summary,
    annotations,
    failed: result.ok ? undefined : `${result.offending.length} lock line${result.offending.length === 1 ? '' : 's'} pin a held commit (see the annotations)`,
  };
}
