import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { CHANGESET_RACE_ROUNDS, CLI_RACE_ROUNDS, CRASH_POINTS, KILLS, STORE_RACE_ROUNDS } from './counts.js';
import { failingGit, failingPullRequest, failingRest, transientGit, transientRest } from './fault-cases.js';
import { actionCases, cliCases } from './hostile-cases.js';

/**
 * The figures the README's "Guarantees" section quotes, computed from the suite's own tables so
 * they cannot drift from what runs. "Data lost: 0" is not counted here: every case asserts it (a
 * lost journal line, lock entry, commit or file fails that case, and so the suite).
 */
describe('reliability figures', () => {
  it('prints what the suite tries', () => {
    // The refusal table of test/cli/refusals.test.ts, counted from its source: its cases and its own tests.
    const refusals = readFileSync(join(repoRoot, 'test', 'cli', 'refusals.test.ts'), 'utf8').match(/^\s*(?:\{ )?name: '|^\s*it\('/gm)?.length ?? 0;
    const hostile = { cli: cliCases.length, refusals, action: actionCases.length };
    const faults = {
      transient: Object.values(transientRest).flat().length + transientGit.length,
      failing: failingGit.length + failingRest.length + failingPullRequest.length,
      // A push lost to a concurrent one, and a component repository removed from disk.
      other: 2,
    };
    // CLI rounds, store and changeset rounds, two action races, two runs taking over one stale lock, two in-process holders.
    const races = CLI_RACE_ROUNDS + STORE_RACE_ROUNDS + CHANGESET_RACE_ROUNDS + 2 + 1 + 1;
    const kills = KILLS + CRASH_POINTS.length;
    const total = hostile.cli + hostile.refusals + hostile.action;
    expect(hostile.cli + hostile.refusals).toBeGreaterThan(60);
    expect(hostile.action).toBeGreaterThanOrEqual(15);
    const line =
      `reliability: ${total} hostile inputs refused (${hostile.cli + hostile.refusals} through the CLI, ${hostile.refusals} of them in test/cli/refusals.test.ts; ` +
      `${hostile.action} through the action), ${faults.transient + faults.failing + faults.other} faults injected ` +
      `(${faults.transient} retried to success, ${faults.failing + faults.other} failing cleanly), ${races} races run, ` +
      `${kills} runs killed mid-write (${KILLS} at staggered moments, ${CRASH_POINTS.length} at fixed points); data lost: 0`;
    console.log(line);
    expect(line).toMatch(/data lost: 0$/);
  });
});
