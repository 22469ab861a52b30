import { describe, expect, it } from 'vitest';
import { setChangesetStatus, setIndexStatus } from '../../src/core/changeset/edit.js';
import { parseChangeset, parseChangesetIndex } from '../../src/core/changeset/file.js';
import { changesetIdProblem } from '../../src/core/changeset/id.js';
import { revertMessage } from '../../src/core/changeset/apply.js';
import { parseYamlText } from '../../src/core/yaml-source.js';

const FILE = '.meta/changesets/CS-1.yaml';
const INDEX = '.meta/changesets/index.yaml';
const cs = (text: string, id = 'CS-1') => parseChangeset(parseYamlText(text, FILE), id);
const index = (text: string) => parseChangesetIndex(parseYamlText(text, INDEX));

describe('changeset ids', () => {
  it('accepts ordinary ids and refuses anything that could leave the directory or break a ref', () => {
    for (const ok of ['CS-1', 'a1b2c3d4', 'release_2026.11', 'X']) expect(changesetIdProblem(ok), ok).toBeUndefined();
    for (const bad of ['../x', 'a/b', '.hidden', '-x', 'a..b', 'a.', 'x.lock', 'index', 'INDEX', '', 'a b', 'a\\b', 'a:b', 'x'.repeat(101)]) {
      expect(changesetIdProblem(bad), bad).toBeDefined();
    }
  });
});

describe('changeset files', () => {
  it('reads the Python CLI layout (description, timestamp) and the documented one (title, created_at)', () => {
    const py = cs(
      "author: dev\ndescription: Notes\nid: CS-1\nmetadata: {}\nrepos:\n- branch: main\n  commit: 0123456789abcdef0123456789abcdef01234567\n  message: 'x: y'\n  name: web-ui\n  repo: /r/web\nstatus: in-progress\ntimestamp: '2026-11-21T10:00:00.123456'\n",
    );
    expect(py).toMatchObject({ id: 'CS-1', description: 'Notes', status: 'in-progress', createdAt: '2026-11-21T10:00:00.123456', author: 'dev' });
    expect(py.repos).toEqual([
      { index: 0, name: 'web-ui', repo: '/r/web', commits: ['0123456789abcdef0123456789abcdef01234567'], branch: 'main', message: 'x: y', line: 6 },
    ]);
    const ours = cs("id: CS-1\ntitle: T\ncreated_at: '2026-11-21T09:00:00Z'\nrepos:\n  - name: web-ui\n    commits: [abcdef1, 1234567]\n");
    expect(ours).toMatchObject({ title: 'T', createdAt: '2026-11-21T09:00:00Z', status: undefined });
    expect(ours.repos[0]!.commits).toEqual(['abcdef1', '1234567']);
  });

  it('names the file, line and field of a bad value', () => {
    expect(() => cs('id: CS-2\n')).toThrow(`${FILE}:1: id: "CS-2" does not match the file name ("CS-1")`);
    expect(() => cs('repos:\n  - name: web-ui\n    commit: HEAD~1\n')).toThrow(`${FILE}:3: repos[0].commit: not a commit SHA ("HEAD~1"; expected 7 to 64 lowercase hex digits)`);
    expect(() => cs('repos:\n  - name: ../web\n')).toThrow(`${FILE}:2: repos[0].name: invalid component name "../web"`);
    expect(() => cs('repos:\n  - name: web\n    branch: --upload-pack=x\n')).toThrow(`${FILE}:3: repos[0].branch: invalid branch name`);
    expect(() => cs('repos:\n  - message: hi\n')).toThrow(`${FILE}:2: repos[0]: needs a name`);
    expect(() => cs('repos: web-ui\n')).toThrow(`${FILE}:1: repos: must be a list`);
    expect(() => cs('- a\n')).toThrow(`${FILE}:1: document: must be a mapping`);
  });

  it('changes only the status scalar, keeping quoting and comments, or adds one status line', () => {
    expect(setChangesetStatus(cs('# c\nid: CS-1\nstatus: open  # note\nrepos: []\n'), 'rolled-back')).toBe('# c\nid: CS-1\nstatus: rolled-back  # note\nrepos: []\n');
    expect(setChangesetStatus(cs('id: CS-1\nstatus: "open"\n'), 'rolled-back')).toBe('id: CS-1\nstatus: "rolled-back"\n');
    expect(setChangesetStatus(cs("id: CS-1\nstatus: 'open'\n"), 'rolled-back')).toBe("id: CS-1\nstatus: 'rolled-back'\n");
    expect(setChangesetStatus(cs('id: CS-1\nstatus:\ntitle: x\n'), 'rolled-back')).toBe('id: CS-1\nstatus: rolled-back\ntitle: x\n');
    expect(setChangesetStatus(cs('id: CS-1\nstatus: ~\n'), 'rolled-back')).toBe('id: CS-1\nstatus: rolled-back\n');
    expect(setChangesetStatus(cs('id: CS-1\nrepos:\n  - name: web-ui\n    commit: abcdef1\n'), 'rolled-back')).toBe(
      'id: CS-1\nrepos:\n  - name: web-ui\n    commit: abcdef1\nstatus: rolled-back\n',
    );
    expect(setChangesetStatus(cs('id: CS-1\ntitle: no newline at the end'), 'rolled-back')).toBe('id: CS-1\ntitle: no newline at the end\nstatus: rolled-back\n');
    expect(setChangesetStatus(cs('{id: CS-1, title: x}\n'), 'rolled-back')).toBe('{id: CS-1, title: x, status: rolled-back}\n');
  });
});

describe('changeset index', () => {
  it('reads a map of ids, a list of ids (Python CLI), a list of mappings and a top-level map', () => {
    const map = index("changesets:\n  CS-1: {status: open, title: A, created_at: '2026-11-21T09:00:00Z'}\n  CS-2:\n    status: committed\n  CS-3:\n");
    expect([...map.entries.values()].map((e) => [e.id, e.status, e.title, e.createdAt])).toEqual([
      ['CS-1', 'open', 'A', '2026-11-21T09:00:00Z'],
      ['CS-2', 'committed', undefined, undefined],
      ['CS-3', undefined, undefined, undefined],
    ]);
    expect([...index('changesets:\n- 1a2b3c4d\n- CS-2\n').entries.keys()]).toEqual(['1a2b3c4d', 'CS-2']);
    expect(index('changesets:\n- id: CS-1\n  status: open\n  timestamp: x\n').entries.get('CS-1')).toMatchObject({ status: 'open', createdAt: 'x' });
    expect(index('- CS-1\n- CS-2\n').entries.size).toBe(2);
    expect(index('CS-1: open\n').entries.get('CS-1')!.status).toBe('open');
    expect(index('changesets: []\n').entries.size).toBe(0);
    expect(index('').entries.size).toBe(0);
    expect(index('changesets:\n- ../evil\n- CS-1\n').skipped).toEqual(['../evil']);
    expect(() => index('changesets:\n  CS-1: {}\n  CS-1: {}\n')).toThrow(`${INDEX}:3: Map keys must be unique`);
  });

  it("edits only the entry's status, in every shape that has one", () => {
    const flow = "# idx\nchangesets:\n  CS-1: {status: open, title: A}   # first\n  CS-2: {status: open}\n";
    expect(setIndexStatus(index(flow), 'CS-1', 'rolled-back')).toBe(flow.replace('CS-1: {status: open', 'CS-1: {status: rolled-back'));
    const block = 'changesets:\n  CS-1:\n    title: A\n  CS-2:\n    status: open\n';
    expect(setIndexStatus(index(block), 'CS-1', 'rolled-back')).toBe('changesets:\n  CS-1:\n    title: A\n    status: rolled-back\n  CS-2:\n    status: open\n');
    expect(setIndexStatus(index('changesets:\n- id: CS-1\n  status: open\n'), 'CS-1', 'rolled-back')).toBe('changesets:\n- id: CS-1\n  status: rolled-back\n');
    expect(setIndexStatus(index('CS-1: open\n'), 'CS-1', 'rolled-back')).toBe('CS-1: rolled-back\n');
    expect(setIndexStatus(index('changesets:\n- CS-1\n'), 'CS-1', 'rolled-back')).toBeUndefined();
    expect(setIndexStatus(index('changesets:\n  CS-2: {status: open}\n'), 'CS-1', 'rolled-back')).toBeUndefined();
  });
});

describe('revert messages', () => {
  it("keep git's first line without the marker, and end with the trailer", () => {
    const sha = 'a'.repeat(40);
    expect(revertMessage('CS-1', { commit: sha, subject: 'web-ui: feature [changeset:CS-1]' })).toBe(
      `Revert "web-ui: feature"\n\nThis reverts commit ${sha}.\n\nReverts-Changeset: CS-1\n`,
    );
  });
});
