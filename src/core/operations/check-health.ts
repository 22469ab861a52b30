import { existsSync } from 'node:fs';
import type { RunContext } from '../context.js';
import { requireComponent } from '../manifest.js';
import { MANIFEST_PATH, componentDir } from '../paths.js';
import { parseHealthChecks, runHealthChecks, type HealthComponent, type HealthReport } from '../health/index.js';
import type { HealthSkip } from '../health/types.js';
import { headCommit, isGitRepo, tagObjectIn } from '../../git/repo-reader.js';
import { loadState } from './load-state.js';

export interface HealthRun extends HealthReport {
  readonly ok: boolean;
  readonly env: string | null;
  readonly changes: [];
}

/**
 * `meta health --all | --component NAME`: the manifest's checks for each component, plus the
 * built-in lock check (a checkout, where present, sits at its locked commit).
 */
export interface HealthFlags {
  /** Python's `--build`: the component's command check named `build`. */
  readonly build?: boolean;
  /** Python's `--tests`: the component's command check named `tests` (or `test`). */
  readonly tests?: boolean;
}

const FLAG_CHECKS: ReadonlyArray<{ flag: keyof HealthFlags; names: readonly string[] }> = [
  { flag: 'build', names: ['build'] },
  { flag: 'tests', names: ['tests', 'test'] },
];

export async function checkHealth(ctx: RunContext, only?: string | readonly string[], signal?: AbortSignal, flags: HealthFlags = {}): Promise<HealthRun> {
  const { manifest, lock } = await loadState(ctx);
  const names = typeof only === 'string' ? [only] : only;
  const specs = names !== undefined ? names.map((n) => requireComponent(manifest, n, '--component')) : [...manifest.components.values()];
  // Every component's checks are validated before any runs, so a typo never yields half a report.
  const components: HealthComponent[] = specs.map((spec) => {
    const dir = componentDir(ctx.root, spec.name);
    return {
      name: spec.name,
      checks: parseHealthChecks(spec.health, { file: MANIFEST_PATH, component: spec.name }),
      checkoutDir: existsSync(dir) && isGitRepo(dir) ? dir : undefined,
      lockedCommit: lock.entries.get(spec.name)?.commit,
    };
  });
  const asked = FLAG_CHECKS.filter((f) => flags[f.flag]);
  const skippedFlags: HealthSkip[] = [];
  for (const component of components) {
    for (const { flag, names: checkNames } of asked) {
      // Python passes a component it has no build or test for; the report says there was none.
      if (!component.checks.some((c) => c.kind === 'command' && checkNames.includes(c.name))) {
        skippedFlags.push({ name: checkNames[0]!, component: component.name, kind: 'command', reason: `--${flag}: no command check named ${checkNames.join(' or ')} in ${MANIFEST_PATH}` });
      }
    }
  }
  const report = await runHealthChecks({
    components,
    required: (name) => asked.find((f) => f.names.includes(name)) && `--${asked.find((f) => f.names.includes(name))!.flag}`,
    env: ctx.env,
    concurrency: ctx.jobs,
    signal,
    lockCheck: async (c) => {
      const head = await headCommit(c.checkoutDir!);
      const entry = lock.entries.get(c.name);
      if (entry?.vendored) return { ok: true, detail: `vendored: the lock pins version ${entry.version} and no commit; checkout at ${head?.slice(0, 12) ?? 'nothing'}` };
      if (!c.lockedCommit) return { ok: true, detail: `no pin in the lock; checkout at ${head?.slice(0, 12) ?? 'nothing'}` };
      if (head === c.lockedCommit) return { ok: true, detail: `at ${head.slice(0, 12)}` };
      const tag = await tagObjectIn(c.checkoutDir!, c.lockedCommit);
      if (tag && tag.commit === head) {
        const line = entry?.commitLine;
        return { ok: true, detail: `at ${head.slice(0, 12)}; ${lock.file.display}:${line} pins the annotated tag object of ${tag.tag} (${c.lockedCommit.slice(0, 12)}), which points here` };
      }
      return { ok: false, detail: `checkout at ${head?.slice(0, 12) ?? 'nothing'}, lock pins ${c.lockedCommit.slice(0, 12)}` };
    },
  });
  const skipped = [...(report.skipped ?? []), ...skippedFlags];
  return { ...report, skipped, ok: report.healthy, env: ctx.env ?? null, changes: [] };
}
