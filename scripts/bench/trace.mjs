// Reads a GIT_TRACE2_EVENT file (one JSON object per line, appended by every git process of a run)
// and says where the git time went: how many git processes, of which commands, for how long, and
// when each command ran relative to the start of the tool.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @param file trace2 event file
 * @param spawnedAtMs Date.now() when the tool was started, to place git's activity on its timeline
 * @param wallMs the tool's wall-clock time
 */
export function summarizeTrace(file, spawnedAtMs, wallMs) {
  if (!existsSync(file)) return { processes: 0, top_level: 0, commands: {} };
  const procs = new Map(); // sid -> { name, start, exit, tAbs, nested }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let ev;
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    const sid = ev.sid;
    if (typeof sid !== 'string') continue;
    let p = procs.get(sid);
    if (!p) {
      p = { name: undefined, start: undefined, exit: undefined, tAbs: undefined, nested: sid.includes('/') };
      procs.set(sid, p);
    }
    if (ev.event === 'start') {
      p.start = Date.parse(ev.time);
      if (!p.name && Array.isArray(ev.argv)) p.name = commandOf(ev.argv);
    } else if (ev.event === 'cmd_name' && typeof ev.name === 'string') {
      p.name = ev.name;
    } else if (ev.event === 'exit' || ev.event === 'atexit') {
      p.exit = Date.parse(ev.time);
      if (typeof ev.t_abs === 'number') p.tAbs = ev.t_abs;
    }
  }
  const started = [...procs.values()].filter((p) => p.start !== undefined);
  const commands = {};
  for (const p of started) {
    const key = p.nested ? `${p.name ?? '?'} (child of git)` : (p.name ?? '?');
    const c = (commands[key] ??= { count: 0, total_s: 0, first_start_ms: Infinity, last_exit_ms: -Infinity });
    c.count += 1;
    c.total_s += p.tAbs ?? 0;
    c.first_start_ms = Math.min(c.first_start_ms, p.start - spawnedAtMs);
    if (p.exit !== undefined) c.last_exit_ms = Math.max(c.last_exit_ms, p.exit - spawnedAtMs);
  }
  for (const c of Object.values(commands)) {
    c.total_s = round(c.total_s, 3);
    c.first_start_ms = Math.round(c.first_start_ms);
    c.last_exit_ms = Number.isFinite(c.last_exit_ms) ? Math.round(c.last_exit_ms) : null;
  }
  const topLevel = started.filter((p) => !p.nested);
  const firstStart = Math.min(...topLevel.map((p) => p.start));
  const lastExit = Math.max(...topLevel.map((p) => p.exit ?? p.start));
  const gitSeconds = topLevel.reduce((s, p) => s + (p.tAbs ?? 0), 0);
  return {
    processes: started.length,
    top_level: topLevel.length,
    git_seconds: round(gitSeconds, 2),
    // Average number of git processes alive at once while git was running at all.
    mean_parallelism: topLevel.length ? round(gitSeconds / Math.max(0.001, (lastExit - firstStart) / 1000), 2) : 0,
    before_first_git_ms: topLevel.length ? Math.round(firstStart - spawnedAtMs) : null,
    after_last_git_ms: topLevel.length && wallMs ? Math.round(wallMs - (lastExit - spawnedAtMs)) : null,
    commands: Object.fromEntries(Object.entries(commands).sort((a, b) => b[1].total_s - a[1].total_s)),
  };
}

function commandOf(argv) {
  const base = String(argv[0] ?? '').split('/').pop();
  if (base.startsWith('git-')) return base.slice(4);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '-C' || a === '--git-dir' || a === '--work-tree') {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return a;
  }
  return 'git';
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
