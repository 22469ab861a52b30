import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { runActionProcess } from '../helpers/action-runner.js';

const actionYml = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
const action = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

const workflowFiles = [
  ...readdirSync(join(repoRoot, 'docs/workflows')).map((f) => `docs/workflows/${f}`),
  ...readdirSync(join(repoRoot, '.github/workflows')).map((f) => `.github/workflows/${f}`),
].filter((f) => /\.ya?ml$/.test(f));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  id?: string;
}

function ourSteps(file: string): Step[] {
  const wf = parse(readFileSync(join(repoRoot, file), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
  return Object.values(wf.jobs).flatMap((job) => job.steps ?? []).filter((s) => s.uses === './' || /meta-rollback@/.test(s.uses ?? ''));
}

describe('action.yml', () => {
  it("is a valid action by GitHub's own action schema, running dist/index.js on node24", () => {
    const result = parseAction({ name: 'action.yml', content: actionYml }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('passes @action-validator/core (whose schema predates node24, so it is shown node20)', () => {
    expect(validateAction(actionYml.replace('using: node24', 'using: node20')).errors).toEqual([]);
  });

  it('declares every input and output of the contract, each described', () => {
    const inputs = ['mode', 'component', 'to-version', 'to-commit', 'lock-file', 'rev', 'store-hash', 'snapshot-action', 'snapshot-file', 'components', 'changeset', 'env', 'root', 'token', 'components-token', 'pull-request', 'merge-method', 'base', 'branch', 'health', 'rollback-on-unhealthy', 'dry-run', 'record-known-good', 'hold'];
    const outputs = ['changes', 'changed-components', 'pull-request-number', 'pull-request-url', 'merged', 'healthy', 'snapshot-file', 'history-entry', 'pull-request-operation', 'known-good'];
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(inputs));
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(outputs));
    for (const value of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect((value as { description?: string }).description).toBeTruthy();
    }
  });
});

describe.each(workflowFiles)('%s', (file) => {
  const content = readFileSync(join(repoRoot, file), 'utf8');

  it("parses with GitHub's own workflow parser and passes the workflow schema", () => {
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(validateWorkflow(content).errors).toEqual([]);
  });

  it('passes only inputs the action declares', () => {
    for (const step of ourSteps(file)) {
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: unknown input ${key}`).toContain(key);
    }
  });
});

describe('docs/workflows/hold-gate.yml', () => {
  it('gates pull requests that change a lock with mode check', () => {
    const wf = parse(readFileSync(join(repoRoot, 'docs/workflows/hold-gate.yml'), 'utf8')) as { on: { pull_request: { paths: string[] } } };
    expect(wf.on.pull_request.paths).toContain('manifests/components.lock*.yaml');
    expect(ourSteps('docs/workflows/hold-gate.yml').map((s) => s.with?.mode)).toEqual(['check']);
  });
});

describe('the CI self-test (uses: ./ against examples/meta-repo)', () => {
  it('runs as ci.yml runs it and produces the plan its check expects', async () => {
    const step = ourSteps('.github/workflows/ci.yml').find((s) => s.uses === './')!;
    const inputs = Object.fromEntries(Object.entries(step.with!).map(([k, v]) => [k, String(v)]));
    const run = await runActionProcess({ token: '', ...inputs }, { workspace: repoRoot, repository: 'acme/meta-rollback', apiUrl: 'http://127.0.0.1:9/api/v3', serverUrl: 'http://127.0.0.1:9' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['changed-components']).toBe('agent-core,web-ui');
  });
});

describe('release.yml', () => {
  const wf = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
    on: { release: { types: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps: Array<{ run?: string; uses?: string }> }>;
  };
  const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

  it('runs on a published release, checks the tag is vX.Y.Z and that dist/ is what the sources build', () => {
    expect(wf.on.release.types).toEqual(['published']);
    expect(runs('check-dist')).toContain("'^v[0-9]+\\.[0-9]+\\.[0-9]+$'");
    expect(runs('check-dist')).toMatch(/npm ci[\s\S]*npm run build[\s\S]*git status --porcelain -- dist/);
  });

  it('moves the major tag only after that check, with write access in that job alone', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['move-major-tag']!.needs).toBe('check-dist');
    expect(wf.jobs['move-major-tag']!.permissions).toEqual({ contents: 'write' });
    expect(runs('move-major-tag')).toContain('major="${TAG%%.*}"');
    expect(runs('move-major-tag')).toContain('git push --force origin "refs/tags/$major"');
  });
});
