import { Command, Option } from 'commander';
import type { RollbackResult } from '../core/changes.js';
import type { RunContext } from '../core/context.js';
import { InputError } from '../core/errors.js';
import { rollbackComponent } from '../core/operations/rollback-component.js';
import { rollbackLock } from '../core/operations/rollback-lock.js';
import { createSnapshot, restoreSnapshot } from '../core/operations/snapshot.js';
import { listTargets } from '../core/operations/list-targets.js';
import { checkHealth } from '../core/operations/check-health.js';
import { formatHealthTable } from '../core/health/index.js';
import { formatRollback, formatSnapshotCreated } from './output.js';
import { DEFAULT_PER_COMPONENT, formatTargetTable } from './target-table.js';
import { contextFor, emit, parseGroupSize, parseJobs, parseList, type CliEnvironment, type GlobalOptions } from './cli-context.js';
import { withMatrix } from '../core/fan-out.js';
import { registerStoreCommands } from './store-commands.js';
import { registerChangesetCommands } from './changeset-commands.js';
import { registerHistoryCommand } from './history-command.js';
import { registerBisectCommand } from './bisect-command.js';
import { changesetTargets } from '../core/changeset/targets.js';
import { storeTargets, storeTargetsFrom } from '../core/store/targets.js';
import { openStore } from '../core/store/open.js';
import { knownGoodTargets } from '../core/known-good.js';
import { registerHoldCommands } from './hold-commands.js';
import { formatKnownGood, recordHealthy } from './record-known-good.js';
import { VERSION } from '../version.js';
import { duringWrites, onInterrupt } from '../core/interrupt.js';
import { addExamples } from './examples.js';

export { contextFor, emit, type CliEnvironment, type GlobalOptions } from './cli-context.js';

/** Where `rollback snapshot` writes when no file is named: the Python CLI's default. */
const DEFAULT_SNAPSHOT = 'rollback-snapshot.yaml';

/** Global options are declared once here and accepted before or after any subcommand. */
export function buildProgram(cli: CliEnvironment): Command {
  const program = new Command('meta')
    .description('Roll a multi-repository system back to a known-good state.')
    .option('--root <dir>', 'meta-repo root (default: the nearest parent holding manifests/components.yaml)')
    .option('--env <env>', 'environment whose lock is used (components.lock.<env>.yaml)')
    .option('-m, --manifests <dir>', "the meta-repo's manifests directory (the Python CLI's spelling; the root is its parent)")
    .option('--json', 'machine-readable result on stdout')
    .option('--dry-run', 'print the plan, change nothing')
    .option('--update-manifest', "with a rollback: also set the manifest's version of each component whose pin changes (keeps the Python CLI's `meta lock validate` passing)")
    .option('--force', 'with a rollback: go ahead even when a target is held in manifests/holds.yaml (the hold stays)')
    .option('--no-hold', 'with a rollback: add no holds for the pins it rolls away from')
    .addOption(new Option('--jobs <n>', 'components processed at once').argParser(parseJobs))
    .addOption(new Option('--group-size <n>', 'with --json: components per group in the fan-out `matrix` (default 50)').argParser(parseGroupSize))
    // Not commander's .version(): root options are also read after a subcommand, so it would take
    // `meta hold add web-ui --version v1.2.0` for a request to print the version (see run-cli.ts).
    .addHelpText('after', `\n  -V, --version            print the version (${VERSION}); only as the first argument\n`)
    .showSuggestionAfterError(true)
    // Every subcommand's --help lists the global options too: they are accepted after it.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => cli.stdout(text),
      // Commander writes here only the help of a command given without its subcommand (`meta`,
      // `meta rollback`): that help is what was asked for, so it goes to stdout (exit 0).
      writeErr: (text) => cli.stdout(text),
      outputError: () => undefined,
    });

  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;

  const rollback = program.command('rollback').description('roll components back');

  rollback
    .command('component <name>')
    .description('roll one component back to a tag or commit')
    .option('-v, --to-version <tag>', 'tag to roll back to')
    .option('-c, --to-commit <sha>', 'commit to roll back to (full or unique abbreviation of at least 7 hex digits)')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { toVersion?: string; toCommit?: string };
      if ((opts.toVersion === undefined) === (opts.toCommit === undefined)) {
        throw new InputError('rollback component: give exactly one of --to-version or --to-commit');
      }
      const ctx = contextFor(cli, opts);
      const target = opts.toVersion !== undefined ? { kind: 'version' as const, tag: opts.toVersion } : { kind: 'commit' as const, sha: opts.toCommit! };
      const result = await rollbackComponent(ctx, name, target);
      emit(cli, opts, await planOutput(ctx, opts, result), formatRollback);
    });

  rollback
    .command('lock <lockfile>')
    .description("bring the workspace to another lock's pins (or a lock as it was at --rev)")
    .option('-c, --component <names>', 'only these components (comma-separated)', parseList)
    .option('--rev <gitrev>', 'read LOCKFILE as it was at this revision of the meta-repo (HEAD~1 = previous)')
    .action(async (lockfile: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { component?: string[]; rev?: string };
      const ctx = contextFor(cli, opts);
      const result = await rollbackLock(ctx, lockfile, { components: opts.component, rev: opts.rev });
      emit(cli, opts, await planOutput(ctx, opts, result), formatRollback);
    });

  rollback
    .command('list')
    .description('every target a component can be rolled back to, newest first')
    .option('-c, --component <name>', 'only this component')
    .option('--store-dir <dir>', 'list the entries of this store directory (default .meta-store)')
    .option('--all', `every target, not only the newest ${DEFAULT_PER_COMPONENT} per component (--json always gives every one)`)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { component?: string; storeDir?: string; all?: boolean };
      const ctx = contextFor(cli, opts);
      // A bad --store-dir is refused here; a broken store is only a warning in the listing.
      if (opts.storeDir !== undefined) openStore(ctx, { storeDir: opts.storeDir });
      const stores = opts.storeDir === undefined ? storeTargets : storeTargetsFrom({ storeDir: opts.storeDir });
      const result = await listTargets(ctx, opts.component, [stores, changesetTargets, knownGoodTargets]);
      const names = [...new Set(result.targets.map((t) => t.component))];
      emit(cli, opts, opts.json ? await withMatrix(ctx.root, result, names, opts.groupSize) : result, (list) => formatTargetTable(list, { all: opts.all }));
    });

  rollback
    .command('snapshot')
    .description('record the current pins (--output) or restore them (--restore)')
    .option('-o, --output <file>', `write a snapshot to this file (the default without --restore: ${DEFAULT_SNAPSHOT})`)
    .option('--components <list>', 'comma-separated components to record', parseList)
    .option('--restore <file>', 'restore the pins of this snapshot')
    .option('-c, --component <names>', 'with --restore: only these components (comma-separated)', parseList)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { output?: string; restore?: string; components?: string[]; component?: string[] };
      if (opts.output !== undefined && opts.restore !== undefined) {
        throw new InputError('rollback snapshot: give either --output or --restore, not both');
      }
      // As in the Python CLI, a snapshot with no file named goes to rollback-snapshot.yaml.
      if (opts.restore === undefined) opts.output ??= DEFAULT_SNAPSHOT;
      const ctx = contextFor(cli, opts);
      if (opts.output !== undefined) {
        emit(cli, opts, await createSnapshot(ctx, opts.output, opts.components), formatSnapshotCreated);
      } else {
        if (opts.components !== undefined) throw new InputError('--components: goes with --output; use --component with --restore');
        emit(cli, opts, await planOutput(ctx, opts, await restoreSnapshot(ctx, opts.restore!, opts.component)), formatRollback);
      }
    });

  program
    .command('health')
    .description('run the health checks of every component (--all) or one (--component)')
    .option('-a, --all', 'every component')
    .option('-c, --component <name>', 'only this component')
    .option('-e <env>', "the same as --env (the Python CLI's spelling)")
    .option('--build', "also run each component's health check named build (the Python CLI's --build)")
    .option('--tests', "also run each component's health check named tests or test (the Python CLI's --tests)")
    .option('--record', "when healthy, record the meta-repo's HEAD as the env's known-good state (refs/meta-rollback/known-good/<env>)")
    .option('--push', 'with --record: also push that ref to origin (with a lease; never backwards)')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { all?: boolean; component?: string; e?: string; build?: boolean; tests?: boolean; record?: boolean; push?: boolean };
      if (opts.push && !opts.record) throw new InputError('--push: goes with --record');
      // Only a whole-env pass is a known-good state: one healthy component says nothing of the rest.
      if (opts.record && opts.component !== undefined) throw new InputError('--record: goes with --all (a known-good state is the whole env\'s)');
      if (Boolean(opts.all) === (opts.component !== undefined)) throw new InputError('health: give exactly one of --all or --component');
      if (opts.e !== undefined) {
        if (opts.env !== undefined && opts.env !== opts.e) throw new InputError(`-e: ${opts.e} and --env ${opts.env} name different envs`);
        opts.env = opts.e;
      }
      const ctx = contextFor(cli, opts);
      const abort = new AbortController();
      // Ctrl-C still ends every check's process group instead of leaving them running: the checks
      // count as a write phase, so the signal aborts them and the command ends by itself.
      await duringWrites(async () => {
        const stop = onInterrupt(() => abort.abort());
        try {
          const health = await checkHealth(ctx, opts.component, abort.signal, { build: Boolean(opts.build), tests: Boolean(opts.tests) });
          const knownGood = opts.record && health.healthy && !ctx.dryRun ? await recordHealthy(ctx, { push: Boolean(opts.push) }) : undefined;
          const report = knownGood ? { ...health, knownGood } : health;
          emit(cli, opts, report, (r) => `${formatHealthTable(r)}\n${knownGood ? formatKnownGood(knownGood) : ''}`);
          cli.exitCode = report.healthy ? 0 : 1;
        } finally {
          stop();
        }
      });
    });

  registerStoreCommands(program, cli);
  registerChangesetCommands(program, cli);
  registerHistoryCommand(program, cli);
  registerHoldCommands(program, cli);
  registerBisectCommand(program, cli);
  addExamples(program);
  return program;
}


/** A `--json --dry-run` plan carries the fan-out matrix of the components it would change. */
async function planOutput<T extends RollbackResult>(ctx: RunContext, opts: GlobalOptions, result: T): Promise<T> {
  if (!opts.json || !result.dryRun) return result;
  return withMatrix(ctx.root, result, result.changes.map((c) => c.component), opts.groupSize);
}
