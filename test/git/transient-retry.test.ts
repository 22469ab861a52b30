import { describe, expect, it } from 'vitest';
import { isTransientGitFailure } from '../../src/git/transient-retry.js';

// What git 2.39 prints for each kind of failure (the end-to-end cases in
// test/reliability/faults.test.ts produce these against the local forge).
const transient = [
  "fatal: unable to access 'https://github.com/acme/meta.git/': The requested URL returned error: 503",
  'error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500\nfatal: expected flush after ref listing',
  "fatal: unable to access 'https://github.com/acme/meta.git/': Empty reply from server",
  "fatal: unable to access 'https://github.com/acme/meta.git/': Recv failure: Connection reset by peer",
  'error: RPC failed; curl 18 transfer closed with outstanding read data remaining\nfatal: early EOF\nfatal: fetch-pack: invalid index-pack output',
  'send-pack: unexpected disconnect while reading sideband packet\nfatal: the remote end hung up unexpectedly',
  "fatal: unable to access 'https://ghe.example/acme/meta.git/': Failed to connect to ghe.example port 443 after 2 ms: Connection refused",
];

const permanent = [
  "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
  "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/meta.git/'",
  'error: RPC failed; HTTP 403 curl 22 The requested URL returned error: 403\nfatal: the remote end hung up unexpectedly',
  "remote: Repository not found.\nfatal: repository 'https://github.com/acme/gone.git/' not found",
  "fatal: '/srv/git/gone' does not appear to be a git repository\nfatal: Could not read from remote repository.",
  ' ! [rejected]        abc -> main (stale info)\nerror: failed to push some refs to',
  ' ! [remote rejected] abc -> main (pre-receive hook declined)\nfatal: the remote end hung up unexpectedly',
  "fatal: couldn't find remote ref refs/heads/nope",
  'fatal: not a git repository (or any of the parent directories): .git',
];

describe('which git failures are tried again', () => {
  it.each(transient)('transport failure: %s', (text) => expect(isTransientGitFailure(text)).toBe(true));
  it.each(permanent)('same answer next time: %s', (text) => expect(isTransientGitFailure(text)).toBe(false));
});
