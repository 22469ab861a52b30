// Child processes for the benchmark: always an argument array (never a shell), always a time
// bound, and, when asked, wall-clock time, time to the first byte on stdout and peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TIME_BIN = '/usr/bin/time';
const live = new Set();

/** Kills every process group this module started and has not seen exit (used on SIGINT/errors). */
export function killLiveChildren() {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Whether GNU time (`/usr/bin/time -f %M`) can report a child's peak RSS. */
export function hasGnuTime() {
  if (!existsSync(TIME_BIN)) return false;
  const probe = spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
}

let rssMode = null;
/** 'gnu-time' when /usr/bin/time works (peak RSS and CPU seconds of the process tree), else 'proc-poll' (VmHWM of the direct child, polled). */
export function setRssMode(mode) {
  rssMode = mode;
}
export function getRssMode() {
  return rssMode;
}

/**
 * Runs one command. Resolves { code, signal, stdout, stderr, ms, firstByteMs, maxRssKb, cpuS } and
 * rejects only when it cannot start or exceeds its time bound (its whole process group is killed).
 * With `measure`, the command runs under /usr/bin/time (or its VmHWM is polled) for peak RSS.
 */
export function run(command, args, options = {}) {
  const { cwd, env, input, timeoutMs = 10 * 60_000, measure = false, tmpDir, quietStdout = false } = options;
  let file = command;
  let argv = args;
  let rssFile;
  if (measure && rssMode === 'gnu-time') {
    rssFile = join(tmpDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    file = TIME_BIN;
    argv = ['-f', '%M %U %S', '-o', rssFile, command, ...args];
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd,
      env: env ?? process.env,
      shell: false,
      detached: true, // own process group, so a timeout can kill git's children too
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (child.pid) live.add(child.pid);
    const out = [];
    const err = [];
    let outBytes = 0;
    let firstByteMs;
    let hwm = 0;
    let timedOut = false;
    const poll =
      measure && rssMode === 'proc-poll' && child.pid
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) hwm = Math.max(hwm, Number(m[1]));
            } catch {
              // exited
            }
          }, 10)
        : undefined;
    child.stdout.on('data', (chunk) => {
      if (firstByteMs === undefined) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
      outBytes += chunk.length;
      if (!quietStdout || outBytes < 1 << 20) out.push(chunk);
    });
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      live.delete(child.pid);
      reject(new Error(`cannot run ${command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      live.delete(child.pid);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderrText = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(new Error(`${command} ${args.slice(0, 4).join(' ')} timed out after ${Math.round(timeoutMs / 1000)} s`));
        return;
      }
      let maxRssKb;
      let cpuS;
      if (rssFile) {
        try {
          // "%M %U %S" on the last line (GNU time puts "Command exited with non-zero status N" first).
          const text = readFileSync(rssFile, 'utf8');
          const lines = text.trim().split('\n');
          const [rss, user, sys] = lines[lines.length - 1].split(' ').map(Number);
          maxRssKb = rss;
          cpuS = user + sys;
        } catch {
          maxRssKb = undefined;
        }
        rmSync(rssFile, { force: true });
      } else if (poll) {
        maxRssKb = hwm || undefined;
      }
      resolve({ code: code ?? 128, signal, stdout, stderr: stderrText, ms, firstByteMs, maxRssKb, cpuS });
    });
    if (input !== undefined) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** Like run, but throws with the command's stderr when it exits non-zero. */
export async function runOk(command, args, options = {}) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`${command} ${args.slice(0, 6).join(' ')} (in ${options.cwd ?? process.cwd()}) exited ${result.code}: ${tail}`);
  }
  return result;
}

/** Runs fn over items with at most `limit` at a time; rejects on the first failure. */
export async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed;
  return results;
}

export function median(values) {
  const v = (values ?? []).filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
