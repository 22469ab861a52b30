// The forge's side of the proc-receive hook: installs it in a bare repository
// and answers its question, "may these ref updates land?", with GitHub's rules.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ForgeCore } from './core.js';
import { gitIn } from './git.js';
import { pushRefusalLines, refUpdateRefusals } from './protection.js';
import type { RepoRecord } from './state.js';

export const HOOK_PATH = '/_forge/hooks/proc-receive';

/** Writes the hook script, run by this very node binary, into `dir`. */
export async function writeHooksDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const source = await readFile(fileURLToPath(new URL('./proc-receive-hook.mjs', import.meta.url)), 'utf8');
  const hook = join(dir, 'proc-receive');
  await writeFile(hook, `#!${process.execPath}\n${source}`);
  await chmod(hook, 0o755);
}

export async function installPushHook(repo: RepoRecord, hooksDir: string): Promise<void> {
  await gitIn(repo.barePath, ['config', 'core.hooksPath', hooksDir]);
  // Every branch goes through the hook; it lets unprotected ones fall through.
  await gitIn(repo.barePath, ['config', 'receive.procReceiveRefs', 'refs/heads/']);
}

interface HookQuestion {
  repo?: string;
  updates?: { ref: string; oldSha: string; newSha: string }[];
}

export async function answerPushHook(core: ForgeCore, question: HookQuestion): Promise<{ results: { ref: string; errors: string[] }[] }> {
  const [owner, name] = (question.repo ?? '').split('/');
  const repo = core.state.repo(owner ?? '', name ?? '');
  const results = [];
  for (const update of question.updates ?? []) {
    const refusals = repo ? await refUpdateRefusals(core, repo, update) : ['repository not found'];
    results.push({ ref: update.ref, errors: refusals.length ? pushRefusalLines(update.ref, refusals) : [] });
  }
  return { results };
}
