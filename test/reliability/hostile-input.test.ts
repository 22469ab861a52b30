import { cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromSource } from '../helpers/build-from-source.js';
import { buildProgram } from '../../src/cli/program.js';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { hostedSystem, type HostedSystem } from '../action/fixtures.js';
import { meta, metaProcess, repoRoot } from '../helpers/cli.js';
import { sampleFactory, tempDir } from '../helpers/workspace.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { actionCases, cliCases, PWNED, type CliCase } from './hostile-cases.js';
import { expectOneErrorLine, gitAsync, safeFingerprint } from './support.js';

// One checkout is enough to see that none moves; fewer repositories make every fingerprint cheaper.
const sample = sampleFactory({ checkouts: ['web-ui'] });

const commands = new Set(buildProgram({ cwd: '.', exitCode: 0, stdout: () => undefined, stderr: () => undefined }).commands.map((c) => c.name()));

async function refuse(c: CliCase, sys: SampleSystem): Promise<void> {
  const before = safeFingerprint(sys.meta);
  const run = c.process ? metaProcess(c.args(sys), sys.meta) : await meta(c.args(sys), sys.meta);
  expectOneErrorLine(run.stderr, c.message);
  expect(run.code, run.stderr).toBe(c.code ?? 2);
  expect(run.stdout).toBe('');
  expect(safeFingerprint(sys.meta)).toEqual(before);
}

describe('hostile input through the CLI: one error line, exit 2, nothing changed', () => {
  let shared: SampleSystem;
  beforeAll(() => {
    shared = sample();
  });

  for (const c of cliCases) {
    if (c.needs && !commands.has(c.needs)) {
      // The command is not registered yet: the case waits for it rather than testing nothing.
      it.todo(`${c.name} (needs \`meta ${c.needs}\`)`);
      continue;
    }
    it(c.name, async () => {
      if (!c.setup) return refuse(c, shared);
      const sys = sample();
      c.setup(sys);
      return refuse(c, sys);
    });
  }

  it('no value ever reached a shell', () => {
    for (const dir of [shared.meta, repoRoot, tmpdir(), join(shared.meta, 'components', 'web-ui')]) expect(existsSync(join(dir, PWNED)), dir).toBe(false);
  });
});

describe('hostile input through the action: ::error:: in one line, exit 1, nothing changed here or on the forge', () => {
  let forge: Forge;
  let h: HostedSystem;
  /** A copy of the meta-repo's files beside the workspace, where hostile inputs point: it must never change. */
  let outside: string;
  /** The action built from the current source, for cases of inputs the committed dist/ predates. */
  let fromSource: string | undefined;
  beforeAll(async () => {
    forge = await startForge();
    h = await hostedSystem(forge);
    if (actionCases.some((c) => c.fromSource)) {
      fromSource = join(buildFromSource(), 'index.js');
    }
    outside = join(tempDir('meta-outside-'), 'outside');
    cpSync(h.workspace, outside, { recursive: true, filter: (src) => !src.split(sep).includes('.git') });
  });
  afterAll(async () => {
    await forge?.close();
  });

  for (const c of actionCases) {
    it(c.name, async () => {
      try {
        c.setup?.(h.workspace, outside);
        const before = safeFingerprint(h.workspace);
        const outsideBefore = safeFingerprint(outside);
        const refs = h.bareGit(['for-each-ref', '--format=%(refname) %(objectname)']);
        const seen = forge.requests.length;
        const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, v === '<outside>' ? outside : v]));
        const run = await h.run({ health: 'false', ...inputs }, c.fromSource ? { script: fromSource } : {});
        const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
        expect(errors, run.stdout + run.stderr).toHaveLength(1);
        expect(unescapeCommand(errors[0]!.slice('::error::'.length))).toMatch(c.message);
        expect(run.code).toBe(1);
        const log = `${run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')}\n${run.stderr}\n${run.summary}`;
        expect(log.includes(forge.token), 'the token reached the log').toBe(false);
        expect(safeFingerprint(h.workspace)).toEqual(before);
        expect(safeFingerprint(outside)).toEqual(outsideBefore);
        expect(h.bareGit(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(refs);
        expect(await forge.pulls(h.owner, h.name)).toEqual([]);
        const writes = forge.requests.slice(seen).filter((r) => r.method !== 'GET' && !(r.kind === 'git' && r.path.endsWith('git-upload-pack')));
        expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
      } finally {
        await gitAsync(h.workspace, ['checkout', '-q', '--', '.']);
        await gitAsync(h.workspace, ['clean', '-qfd']);
      }
    });
  }

  it('no value ever reached a shell, and the forge saw nothing it would reject', () => {
    for (const dir of [h.workspace, repoRoot, tmpdir()]) expect(existsSync(join(dir, PWNED)), dir).toBe(false);
    expect(forge.violations).toEqual([]);
  });
});

/** Workflow commands escape %, CR and LF; the runner shows the message unescaped. */
function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
