import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromSource } from '../helpers/build-from-source.js';
import { createBisectSystem } from '../helpers/bisect-system.js';
import { fingerprint } from '../helpers/workspace.js';

// dist/ is only rebuilt on release; this builds the current source, so the real process runs it.
let cli = '';
beforeAll(() => {
  cli = join(buildFromSource(), 'cli.js');
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !test(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!test()) throw new Error(`timed out waiting for ${what}`);
}

describe('an interrupted meta bisect', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a probe puts every checkout back, leaves no file and no oracle process, exits ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const sys = createBisectSystem({ count: 8, broken: ['svc-06'] });
      const pidFile = join(sys.base, 'oracle.pid');
      // The third probe (the first mixed state) hangs, as a slow test suite would.
      const hang = `const fs=require('fs');const n=fs.readFileSync(${JSON.stringify(sys.log)},'utf8').split('\\n').filter(Boolean).length;if(n===2){fs.writeFileSync(${JSON.stringify(pidFile)},String(process.pid));setInterval(()=>{},1000)}else{require('child_process').execFileSync(process.argv[1],process.argv.slice(2),{stdio:'inherit'})}`;
      const before = fingerprint(sys.meta);
      const child = spawn(process.execPath, [cli, 'bisect', '--env', 'prod', '--good', 'HEAD~1', '--bad', 'HEAD', '--run', '--', process.execPath, '-e', hang, ...sys.oracle], { cwd: sys.meta, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await until(() => existsSync(pidFile), 'the hanging probe');
      const oraclePid = Number(readFileSync(pidFile, 'utf8'));
      // The probe's checkouts are moved while it runs: the interrupt has something to undo.
      expect(fingerprint(sys.meta)).not.toEqual(before);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^interrupted by SIG(INT|TERM): bisect stopped; every checkout is back/);
      expect(alive(oraclePid)).toBe(false);
      expect(fingerprint(sys.meta)).toEqual(before);
      expect(existsSync(join(sys.meta, '.meta', 'lock'))).toBe(false);
    });
  }
});
