// External tools the benchmark needs: vcstool (`vcs`, the comparison) and GNU time (peak RSS).
// When one is missing, it is installed from Debian's packages with apt-get, non-interactively,
// and the benchmark says so; when that cannot be done, the caller skips what needed the tool.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { run } from './proc.mjs';

let updated = false;

export function commandWorks(command, args) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  return !r.error && r.status === 0;
}

/**
 * Makes `probe()` true by installing the first installable of `packages`, or explains why not.
 * Returns { ok, installed, note }.
 */
export async function ensureTool({ what, probe, packages, log }) {
  if (probe()) return { ok: true, installed: false };
  const aptGet = '/usr/bin/apt-get';
  if (!existsSync(aptGet)) return { ok: false, installed: false, note: `${what} is missing and apt-get is not available; skipped` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, installed: false, note: `${what} is missing and installing it needs root (apt-get install -y ${packages[0]}); skipped` };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', APT_LISTCHANGES_FRONTEND: 'none' };
  log(`${what} not found: installing Debian's ${packages[0]} with apt-get (non-interactive)`);
  if (!updated) {
    const up = await run(aptGet, ['update', '-qq'], { env, timeoutMs: 10 * 60_000 }).catch((e) => ({ code: 1, stderr: e.message }));
    if (up.code === 0) updated = true;
    else log(`apt-get update failed (${lastLine(up.stderr)}); trying the install anyway`);
  }
  let reason = '';
  for (const pkg of packages) {
    const r = await run(aptGet, ['install', '-y', '-q', '--no-install-recommends', pkg], { env, timeoutMs: 10 * 60_000 }).catch((e) => ({ code: 1, stderr: e.message }));
    if (r.code === 0 && probe()) return { ok: true, installed: true, note: `${what} was not installed; the benchmark installed Debian's ${pkg} with apt-get` };
    reason = lastLine(r.stderr || r.stdout || '');
  }
  return { ok: false, installed: false, note: `${what} is missing and apt-get could not install it (${reason}); skipped` };
}

function lastLine(text) {
  return (
    String(text ?? '')
      .trim()
      .split('\n')
      .pop() ?? ''
  ).slice(0, 200);
}
