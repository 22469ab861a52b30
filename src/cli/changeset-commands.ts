import { InvalidArgumentError, type Command } from 'commander';
import { listChangesets, showChangeset, type ChangesetDetails, type ChangesetList } from '../core/changeset/list.js';
import { rollbackChangeset, type ChangesetRollbackResult } from '../core/changeset/apply.js';
import { checkChangesetId } from '../core/changeset/id.js';
import { shortPin } from '../core/changes.js';
import { contextFor, emit, type CliEnvironment, type GlobalOptions } from './cli-context.js';

/** `meta changeset list | show ID | rollback ID [--push]`. */
export function registerChangesetCommands(program: Command, cli: CliEnvironment): void {
  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
  const changeset = program.command('changeset').description('changesets: commits that belong together across repositories');

  changeset
    .command('list')
    .description('every changeset, newest first')
    .option('-n, --limit <n>', 'only the newest N (after --status)', parseLimit)
    .option('-s, --status <status>', 'only changesets with this status (open, in-progress, committed, rolled-back, ...)')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { limit?: number; status?: string };
      const list = await listChangesets(contextFor(cli, opts));
      const changesets = list.changesets.filter((c) => opts.status === undefined || c.status === opts.status).slice(0, opts.limit);
      emit(cli, opts, { ...list, changesets }, formatChangesetList);
    });

  changeset
    .command('show <id>')
    .description("a changeset's details and its commits per repository")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      checkChangesetId(id);
      emit(cli, opts, await showChangeset(contextFor(cli, opts), id), formatChangesetDetails);
    });

  changeset
    .command('rollback <id>')
    .description("revert a changeset's commits in every repository, on branch meta-rollback/changeset-ID")
    .option('--push', "push each repository's meta-rollback/changeset-ID branch to its origin (all or nothing)")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { push?: boolean };
      checkChangesetId(id);
      const result = await rollbackChangeset(contextFor(cli, opts), id, { push: Boolean(opts.push) });
      emit(cli, opts, result, formatChangesetRollback);
    });
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [render(header), ...rows.map(render)];
}

export function formatChangesetList(list: ChangesetList): string {
  const out: string[] = [];
  if (list.changesets.length === 0) out.push('no changesets found');
  else {
    const rows = list.changesets.map((c) => [c.id, c.status, String(c.repos), c.created_at ?? '', oneLine(c.title ?? '')]);
    out.push(...table(['ID', 'STATUS', 'REPOS', 'CREATED', 'TITLE'], rows));
  }
  for (const warning of list.warnings) out.push(`warning: ${warning}`);
  return `${out.join('\n')}\n`;
}

export function formatChangesetDetails(d: ChangesetDetails): string {
  const out = [`changeset ${d.id}  (${d.file})`, `  status:   ${d.status}`];
  if (d.title) out.push(`  title:    ${oneLine(d.title)}`);
  if (d.description && d.description !== d.title) out.push(`  description: ${oneLine(d.description)}`);
  if (d.author) out.push(`  author:   ${d.author}`);
  if (d.created_at) out.push(`  created:  ${d.created_at}`);
  out.push(
    d.listed.length > 0
      ? `  repos:    ${d.listed.length} entr${d.listed.length === 1 ? 'y' : 'ies'} in the file`
      : `  repos:    none listed; commits are found by the [changeset:${d.id}] marker in their message`,
  );
  if (d.repos.length === 0) out.push('  no commits found');
  for (const r of d.repos) {
    out.push(`  ${r.component}  (${r.branch} at ${r.base.slice(0, 12)})`);
    for (const c of r.commits) out.push(`    ${c.commit.slice(0, 12)}  ${oneLine(c.subject)}${c.source === 'listed' ? '' : '  [by message]'}`);
    if (r.alreadyReverted.length > 0) out.push(`    already reverted: ${r.alreadyReverted.map((c) => c.slice(0, 12)).join(', ')}`);
  }
  if (d.lockRestore) {
    const n = d.lockRestore.changes.length;
    out.push(`  meta-repo: ${d.lockRestore.lock} back to its state at ${d.lockRestore.rev.slice(0, 12)} (recorded ${d.lockRestore.recorded.slice(0, 12)}): ${n} pin${n === 1 ? '' : 's'} would change`);
  }
  for (const warning of d.warnings) out.push(`warning: ${warning}`);
  return `${out.join('\n')}\n`;
}

export function formatChangesetRollback(r: ChangesetRollbackResult): string {
  const out: string[] = [];
  if (r.nothingToDo) {
    out.push(`nothing to do: ${r.reason ?? `changeset ${r.id} has nothing to revert`}`);
  } else {
    const n = r.repos.length;
    const verb = r.dryRun ? 'would revert' : 'reverted';
    out.push(`${verb} changeset ${r.id} in ${n} repositor${n === 1 ? 'y' : 'ies'}, dependents first${r.dryRun ? ' (dry run: nothing changed)' : ''}`);
    for (const repo of r.repos) {
      const to = repo.newTip ? `${repo.revertBranch} at ${repo.newTip.slice(0, 12)}` : repo.revertBranch;
      out.push(`  ${repo.component}: ${repo.branch} at ${repo.base.slice(0, 12)} -> ${to}${repo.cloned ? (r.dryRun ? ' (would clone the checkout)' : ' (checkout cloned)') : ''}${repo.pushed ? ' (pushed)' : ''}`);
      for (const c of repo.commits) {
        const note = r.dryRun ? '' : c.revert ? `  -> ${c.revert.slice(0, 12)}` : '  (already undone; nothing committed)';
        out.push(`    revert ${c.commit.slice(0, 12)}  ${oneLine(c.subject)}${note}`);
      }
    }
    if (r.lockRestore) {
      const l = r.lockRestore;
      out.push(`  meta-repo: ${l.lock} ${r.dryRun ? 'would go' : 'went'} back to its state at ${l.rev.slice(0, 12)}${l.changes.length === 0 ? ' (already so)' : ''}`);
      for (const c of l.changes) out.push(`    ${c.component}: ${c.from ? shortPin(c.from) : '(none)'} -> ${shortPin(c.to)}`);
      if (l.snapshot) out.push(`    undo the lock: meta rollback snapshot --restore ${l.snapshot}${l.env ? ` --env ${l.env}` : ''}`);
    }
    if (!r.dryRun) {
      out.push(`${r.file}: status ${r.previousStatus} -> ${r.status}`);
      out.push(`the checkouts were not moved: the reverts are on branch ${r.revertBranch} of each components/<name>`);
      if (!r.pushed) out.push(`not pushed; to push: git -C components/<name> push origin ${r.revertBranch} (or use --push next time)`);
    }
  }
  for (const warning of r.warnings) out.push(`warning: ${warning}`);
  return `${out.join('\n')}\n`;
}

function oneLine(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.length > 72 ? `${first.slice(0, 71)}…` : first;
}
