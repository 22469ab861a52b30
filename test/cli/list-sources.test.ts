import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesetSystem } from '../changeset/fixture.js';
import { meta } from '../helpers/cli.js';
import { gitOut, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();

interface Target {
  component: string;
  kind: string;
  version: string;
  source: string;
  status?: string;
  command: string;
}

describe('meta rollback list, with the store and changesets', () => {
  it('lists store entries', async () => {
    const sys = sample();
    gitOut(join(sys.meta, 'components', 'web-ui'), ['checkout', '-q', '--detach', 'v1.1.0']);
    const added = await meta(['store', 'add', 'web-ui', '--json'], sys.meta);
    expect(added.code, added.stderr).toBe(0);
    const hash = JSON.parse(added.stdout).entry.content_hash as string;
    const run = await meta(['rollback', 'list', '--component', 'web-ui', '--json'], sys.meta);
    const store = (JSON.parse(run.stdout).targets as Target[]).filter((t) => t.kind === 'store');
    expect(store).toHaveLength(1);
    expect(store[0]).toMatchObject({ component: 'web-ui', version: 'v1.1.0' });
    expect(store[0]!.command).toContain(`meta rollback store web-ui ${hash.slice(0, 12)}`);
  });

  it('lists changesets with their status, and the status changes after a rollback', async () => {
    const sys = changesetSystem();
    const before = await meta(['rollback', 'list', '--json'], sys.meta);
    expect(before.code, before.stderr).toBe(0);
    const cs1 = (JSON.parse(before.stdout).targets as Target[]).filter((t) => t.kind === 'changeset' && t.version === 'CS-2');
    expect(cs1.length).toBeGreaterThan(0);
    expect(cs1[0]).toMatchObject({ status: 'committed', command: 'meta changeset rollback CS-2' });
    const rolled = await meta(['changeset', 'rollback', 'CS-2'], sys.meta);
    expect(rolled.code, rolled.stderr).toBe(0);
    const after = await meta(['rollback', 'list', '--json'], sys.meta);
    const cs2 = (JSON.parse(after.stdout).targets as Target[]).filter((t) => t.kind === 'changeset' && t.version === 'CS-2');
    expect(cs2.every((t) => t.status === 'rolled-back')).toBe(true);
  });
});
