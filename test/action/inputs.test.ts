import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { defaultHeadBranch } from '../../src/action/head-branch.js';

const getter = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults of action.yml', () => {
    const inputs = readInputs(getter({ mode: 'lock', 'lock-file': 'manifests/components.lock.yaml', token: 't' }));
    expect(inputs).toMatchObject({ root: '.', pullRequest: 'open', mergeMethod: 'squash', health: true, rollbackOnUnhealthy: false, recordKnownGood: true, hold: true, dryRun: false, componentsToken: 't' });
  });

  it("reads record-known-good and hold in @actions/core's spellings only", () => {
    expect(readInputs(getter({ mode: 'health', 'record-known-good': 'FALSE', hold: 'False' }))).toMatchObject({ recordKnownGood: false, hold: false });
    expect(readInputs(getter({ mode: 'check', 'record-known-good': 'True', hold: 'TRUE' }))).toMatchObject({ mode: 'check', recordKnownGood: true, hold: true });
  });

  it('defaults mode bisect to good known-good, bad HEAD, no rollback', () => {
    expect(readInputs(getter({ mode: 'bisect', token: 't' }))).toMatchObject({ good: 'known-good', bad: 'HEAD', rollbackCulprits: false });
    expect(readInputs(getter({ mode: 'bisect', good: 'v41', 'rollback-culprits': 'true', token: 't' }))).toMatchObject({ good: 'v41', bad: 'HEAD', rollbackCulprits: true });
  });

  const refusals: Array<[Record<string, string>, RegExp]> = [
    [{}, /^input mode: required/],
    [{ mode: 'bisect', good: 'HEAD' }, /^input bad: "HEAD" is input good too/],
    [{ mode: 'bisect', bad: 'a..b' }, /^input bad: invalid revision "a\.\.b"/],
    [{ mode: 'health', bad: 'HEAD' }, /^input bad: only with mode bisect/],
    [{ mode: 'explode' }, /^input mode: "explode" is not one of component, lock/],
    [{ mode: 'component', component: 'web-ui' }, /^input to-version \/ to-commit: give exactly one/],
    [{ mode: 'component', 'to-version': 'v1' }, /^input component: required with mode component/],
    [{ mode: 'component', component: '../etc', 'to-version': 'v1' }, /^input component: invalid component name/],
    [{ mode: 'component', component: 'a', 'to-version': '--upload-pack=x' }, /^input to-version: invalid ref name/],
    [{ mode: 'component', component: 'a', 'to-commit': 'XYZ' }, /^input to-commit: not a commit SHA/],
    [{ mode: 'lock' }, /^input lock-file: required with mode lock/],
    [{ mode: 'lock', 'lock-file': 'x', env: 'prod;rm' }, /^input env: invalid environment name/],
    [{ mode: 'lock', 'lock-file': 'x', 'pull-request': 'yolo' }, /^input pull-request: "yolo" is not one of open, merge, auto-merge, none/],
    [{ mode: 'lock', 'lock-file': 'x', 'merge-method': 'octopus' }, /^input merge-method/],
    [{ mode: 'lock', 'lock-file': 'x', health: 'maybe' }, /^input health: "maybe" is not true or false/],
    [{ mode: 'lock', 'lock-file': 'x', branch: 'a..b' }, /^input branch: invalid ref name/],
    [{ mode: 'snapshot' }, /^input snapshot-action: required with mode snapshot/],
    [{ mode: 'snapshot', 'snapshot-action': 'restore' }, /^input snapshot-file: required/],
    [{ mode: 'store', component: 'a' }, /^input store-hash: required/],
    [{ mode: 'changeset' }, /^input changeset: required/],
    [{ mode: 'lock', 'lock-file': 'x', 'rollback-on-unhealthy': 'true' }, /^input rollback-on-unhealthy: only with mode health/],
    [{ mode: 'health', 'record-known-good': 'yes' }, /^input record-known-good: "yes" is not true or false$/],
    [{ mode: 'health', 'record-known-good': 'tRUE' }, /^input record-known-good: "tRUE" is not true or false$/],
    [{ mode: 'lock', 'lock-file': 'x', hold: 'off' }, /^input hold: "off" is not true or false$/],
    [{ mode: 'lock', 'lock-file': 'x', hold: '1' }, /^input hold: "1" is not true or false$/],
  ];
  for (const [values, message] of refusals) {
    it(`refuses ${JSON.stringify(values)}`, () => expect(() => readInputs(getter(values))).toThrow(message));
  }
});

describe('defaultHeadBranch', () => {
  it('is stable for the same inputs and different for different ones', () => {
    const a = readInputs(getter({ mode: 'component', component: 'web-ui', 'to-version': 'v1', env: 'prod' }));
    const b = readInputs(getter({ mode: 'component', component: 'web-ui', 'to-version': 'v1', env: 'prod', token: 'other' }));
    const c = readInputs(getter({ mode: 'component', component: 'web-ui', 'to-version': 'v2', env: 'prod' }));
    expect(defaultHeadBranch(a)).toMatch(/^meta-rollback\/prod\/component-[0-9a-f]{8}$/);
    expect(defaultHeadBranch(a)).toBe(defaultHeadBranch(b));
    expect(defaultHeadBranch(a)).not.toBe(defaultHeadBranch(c));
  });
});
