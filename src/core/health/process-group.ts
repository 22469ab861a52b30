import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Whether commands get their own process group. On POSIX a detached child leads a new group, so
 * one signal to `-pid` reaches everything it started (npm → node → workers), not just npm.
 * On Windows `detached` opens a new console instead, and trees are killed with taskkill.
 */
export const OWN_PROCESS_GROUP = process.platform !== 'win32';

export function signalTree(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!OWN_PROCESS_GROUP) {
    // Windows has no graceful signal for console programs, so both steps force-kill the tree.
    const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { shell: false, stdio: 'ignore', windowsHide: true });
    killer.on('error', () => child.kill(signal));
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch (err) {
    // ESRCH: the whole group is already gone, which is what was wanted.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') child.kill(signal);
  }
}
