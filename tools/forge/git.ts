// Runs git with an argument array (never a shell) and reports the exit code
// instead of throwing, because several plumbing commands use exit 1 as an answer.
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures. */
  ok?: number[];
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly result: GitResult,
  ) {
    super(`git ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
}

// Environment that could point git at some other repository must not leak in
// from whatever spawned the test run (hooks, a surrounding git command...).
const LEAKY = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_PREFIX', 'GIT_NAMESPACE'];

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of LEAKY) delete env[key];
  env.GIT_TERMINAL_PROMPT = '0';
  return { ...env, ...extra };
}

export function runGit(args: string[], options: GitOptions = {}): Promise<GitResult> {
  return spawnGit(args, options).then(({ code, stdout, stderr }) => ({ code, stdout: stdout.toString('utf8'), stderr }));
}

/** Like runGit, but stdout stays bytes: blob contents are not text. */
export function runGitBytes(args: string[], options: GitOptions = {}): Promise<Buffer> {
  return spawnGit(args, options).then((r) => r.stdout);
}

function spawnGit(args: string[], options: GitOptions): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out);
      const result = { code: code ?? -1, stdout, stderr: Buffer.concat(err).toString('utf8') };
      if (result.code === 0 || options.ok?.includes(result.code)) resolve(result);
      else reject(new GitError(args, { ...result, stdout: stdout.toString('utf8') }));
    });
    child.stdin.on('error', () => {
      // git may exit before reading all input; the exit code tells the story.
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git against a bare repository and returns trimmed stdout. */
export async function gitIn(gitDir: string, args: string[], options: GitOptions = {}): Promise<string> {
  const result = await runGit(['--git-dir', gitDir, ...args], options);
  return result.stdout.trim();
}
