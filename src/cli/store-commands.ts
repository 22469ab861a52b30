import type { Command } from 'commander';
import type { RollbackResult } from '../core/changes.js';
import { shortPin } from '../core/changes.js';
import { storeAdd, type StoreAddResult } from '../core/store/add.js';
import { storeList, type StoreListResult } from '../core/store/list.js';
import { rollbackStore, type StoreRollbackResult } from '../core/store/rollback-store.js';
import { storeVerify, type StoreVerifyResult } from '../core/store/verify.js';
import { formatRollback } from './output.js';
import { contextFor, emit, type CliEnvironment, type GlobalOptions } from './cli-context.js';

type StoreCommandOptions = GlobalOptions & { storeBranch?: string; storeDir?: string; component?: string };

const STORE_DIR_HELP = 'the store directory (default .meta-store; the Python CLI\'s --store-dir)';
const STORE_BRANCH_HELP = 'keep the store on this branch of the meta-repo instead of in .meta-store/';

/**
 * Adds `meta store add|list|verify` and `meta rollback store` to a program built by buildProgram,
 * so the store can be wired in (or left out) without the rest of the CLI knowing it.
 */
export function registerStoreCommands(program: Command, cli: CliEnvironment): void {
  const globals = (cmd: Command) => cmd.optsWithGlobals() as StoreCommandOptions;
  const rollback = program.commands.find((c) => c.name() === 'rollback') ?? program.command('rollback').description('roll components back');

  rollback
    .command('store <name> <hash>')
    .description("restore a store entry: its commit (like --to-commit), or else its files into components/NAME")
    .option('--store-branch <branch>', STORE_BRANCH_HELP)
    .option('--store-dir <dir>', STORE_DIR_HELP)
    .action(async (name: string, hash: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const result = await rollbackStore(contextFor(cli, opts), name, hash, { storeBranch: opts.storeBranch, storeDir: opts.storeDir });
      emit(cli, opts, result, formatStoreRollback);
    });

  const store = program.command('store').description('the content-addressed store of component file trees (.meta-store/)');

  store
    .command('add <name>')
    .description("record components/NAME's tracked files, commit and version")
    .option('--store-branch <branch>', STORE_BRANCH_HELP)
    .option('--store-dir <dir>', STORE_DIR_HELP)
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      emit(cli, opts, await storeAdd(contextFor(cli, opts), name, { storeBranch: opts.storeBranch, storeDir: opts.storeDir }), formatStoreAdd);
    });

  store
    .command('list')
    .description('store entries, newest first')
    .option('-c, --component <name>', 'only entries of this component')
    .option('--store-branch <branch>', STORE_BRANCH_HELP)
    .option('--store-dir <dir>', STORE_DIR_HELP)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const result = await storeList(contextFor(cli, opts), { component: opts.component, storeBranch: opts.storeBranch, storeDir: opts.storeDir });
      emit(cli, opts, result, formatStoreList);
    });

  store
    .command('verify [hash]')
    .description('re-hash every entry (or one) and report ok or corrupt; exit 1 if any is not ok')
    .option('--store-branch <branch>', STORE_BRANCH_HELP)
    .option('--store-dir <dir>', STORE_DIR_HELP)
    .action(async (hash: string | undefined, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const result = await storeVerify(contextFor(cli, opts), hash, { storeBranch: opts.storeBranch, storeDir: opts.storeDir });
      emit(cli, opts, result, formatStoreVerify);
      if (!result.ok) cli.exitCode = 1;
    });
}

export function formatStoreAdd(result: StoreAddResult): string {
  const e = result.entry;
  const what = `${e.component} ${e.version}${e.commit && e.version !== e.commit.slice(0, 12) ? ` (${e.commit.slice(0, 12)})` : ''}`;
  const files = `${result.files} file${result.files === 1 ? '' : 's'}`;
  const lines = [
    result.added
      ? `${result.dryRun ? 'would add' : 'added'} ${what} as ${result.path} (${files})${result.dryRun ? ' (dry run: nothing changed)' : ''}`
      : `already stored: ${result.path} (${e.component} ${e.version}); nothing written`,
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

export function formatStoreList(result: StoreListResult): string {
  if (result.entries.length === 0) return `no entries in ${result.store}\n`;
  const rows = result.entries.map((e) => [e.content_hash.slice(0, 12), e.component, e.version, e.commit?.slice(0, 12) ?? '-', e.created_at ?? '']);
  const lines = table(['HASH', 'COMPONENT', 'VERSION', 'COMMIT', 'CREATED'], rows);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

export function formatStoreVerify(result: StoreVerifyResult): string {
  if (result.entries.length === 0) return `no entries in ${result.store}\n`;
  const rows = result.entries.map((e) => [e.status, e.content_hash.slice(0, 12), e.component ?? '-', e.files === null ? '' : String(e.files)]);
  const lines = table(['STATUS', 'HASH', 'COMPONENT', 'FILES'], rows);
  for (const e of result.entries) if (e.detail) lines.push(`${e.status}: ${e.detail}`);
  const bad = result.entries.filter((e) => e.status !== 'ok').length;
  lines.push(bad === 0 ? `all ${result.entries.length} entries ok` : `${bad} of ${result.entries.length} entries not ok`);
  return `${lines.join('\n')}\n`;
}

export function formatStoreRollback(result: StoreRollbackResult): string {
  const head = `store entry ${result.store.hash.slice(0, 12)} (${result.store.path}, ${result.store.files} file${result.store.files === 1 ? '' : 's'})`;
  if (result.store.restored === 'commit') return `${head}\n${formatRollback(result as unknown as RollbackResult)}`;
  const lines = [head];
  const change = result.changes[0];
  if (!change) {
    lines.push(`nothing to do: components/${result.store.component} already holds these files`);
  } else {
    const to = change.to.commit ? shortPin({ version: change.to.version, commit: change.to.commit }) : change.to.version;
    lines.push(
      `${result.dryRun ? 'would write' : 'wrote'} the entry's files (${to}) to components/${change.component}; the lock is not changed${result.dryRun ? ' (dry run: nothing changed)' : ''}`,
    );
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  if (result.snapshot) lines.push(`snapshot of the previous pins: ${result.snapshot}`);
  return `${lines.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [render(header), ...rows.map(render)];
}
