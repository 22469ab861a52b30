import type { Command } from 'commander';

/** One example per command, by its path from `meta`: what an on-call engineer would type. */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  meta: ['meta rollback lock manifests/components.lock.prod.yaml --rev HEAD~1', 'meta rollback list --component web-ui --env prod'],
  rollback: ['meta rollback lock manifests/components.lock.prod.yaml --rev HEAD~1', 'meta rollback component web-ui --to-version v1.2.0 --env prod'],
  'rollback component': ['meta rollback component web-ui --to-version v1.2.0 --env prod', 'meta rollback component web-ui --to-commit 5b5e97f --env prod --dry-run'],
  'rollback lock': ['meta rollback lock manifests/components.lock.prod.yaml --rev HEAD~1', 'meta rollback lock manifests/components.lock.staging.yaml --env prod --component web-ui'],
  'rollback list': ['meta rollback list --component web-ui --env prod', 'meta rollback list --all --json'],
  'rollback snapshot': ['meta rollback snapshot --output before.yaml --env prod', 'meta rollback snapshot --restore .meta/snapshots/<file>.yaml --env prod'],
  'rollback store': ['meta rollback store web-ui 3f2a9c1d --env prod'],
  history: ['meta history --env prod --limit 10', 'meta history --component web-ui --json'],
  health: ['meta health --all --env prod', 'meta health --component web-ui --env staging --json'],
  changeset: ['meta changeset list --status committed', 'meta changeset rollback CS-42 --push'],
  'changeset list': ['meta changeset list --limit 10 --status committed'],
  'changeset show': ['meta changeset show CS-42'],
  'changeset rollback': ['meta changeset rollback CS-42 --dry-run', 'meta changeset rollback CS-42 --push'],
  store: ['meta store list --component web-ui', 'meta store add web-ui'],
  'store add': ['meta store add web-ui'],
  'store list': ['meta store list --component web-ui'],
  'store verify': ['meta store verify', 'meta store verify 3f2a9c1d'],
  hold: ['meta hold list', 'meta hold add web-ui --version v1.2.0 --reason "breaks checkout" --envs prod'],
  'hold list': ['meta hold list --json'],
  'hold add': ['meta hold add web-ui --version v1.2.0 --reason "breaks checkout" --envs prod', 'meta hold add web-ui --commit 5b5e97f77c68'],
  'hold release': ['meta hold release web-ui --version v1.2.0', 'meta hold release web-ui'],
  check: ['meta check', 'meta check --env prod'],
  bisect: ['meta bisect --env prod --good HEAD~1 --bad HEAD --run -- npm test', 'meta bisect --env prod --good known-good --bad HEAD --rollback'],
};

export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? 'meta' : names.join(' ');
}

/** Adds an "Examples:" section to the help of every command that has one, walking the whole tree. */
export function addExamples(cmd: Command): void {
  const examples = EXAMPLES[commandPath(cmd)];
  if (examples) cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  for (const sub of cmd.commands) addExamples(sub);
}
