// Deterministic content for the benchmark's component repositories, as `git fast-import` streams.
//
// The heavy part (file contents: ~2.9 MB of working tree per commit, ~1,000 blob versions over the
// history) is the same for every component, so it is generated and compressed ONCE into a
// blob-only pack (the template). Each component repository gets that pack by hard link and then
// its own small fast-import stream of commits, trees and tags that reference the blobs by SHA and
// add per-component files (component.json, README.md) and per-component messages, authors and
// dates: every component's commit, tree and tag SHAs differ, while generation stays cheap.
import { createHash } from 'node:crypto';

export const HISTORY = {
  commits: 365, // hundreds of commits
  releaseEvery: 12, // a release (tag) every 12 commits: 30 tags, the last 5 commits unreleased
  dirs: ['core', 'api', 'store', 'jobs', 'net', 'ui', 'cli', 'util'],
  filesPerDir: 16,
  docs: 6,
  assets: 4,
  assetBytes: 256 * 1024,
};

/** Small, fast, deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

const WORDS = (
  'account address adapter agent alert batch buffer cache channel checkout client cluster config ' +
  'context cursor deploy digest event export feature filter flag gateway handler header index job ' +
  'ledger limit loader lock manifest metric mirror module node order parser payload pipeline plan ' +
  'policy pool queue record region release report request retry route rule schema scope session ' +
  'shard signal snapshot source state stream table task tenant token topic trace upload user ' +
  'value vendor version window worker'
).split(' ');

function identifier(rng) {
  const a = rng.pick(WORDS);
  const b = rng.pick(WORDS);
  return `${a}${b[0].toUpperCase()}${b.slice(1)}`;
}

function codeLine(rng) {
  const id = identifier(rng);
  switch (rng.int(7)) {
    case 0:
      return `export function ${id}(${rng.pick(WORDS)}: ${rng.pick(['string', 'number', 'Options', 'Record<string, unknown>'])}) {`;
    case 1:
      return `  const ${rng.pick(WORDS)} = await ${id}(${rng.pick(WORDS)}, ${rng.int(1000)});`;
    case 2:
      return `  if (${rng.pick(WORDS)}.${rng.pick(WORDS)} > ${rng.int(100)}) return ${rng.pick(WORDS)};`;
    case 3:
      return '}';
    case 4:
      return `  // ${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)} before the ${rng.pick(WORDS)}`;
    case 5:
      return `import { ${id} } from './${rng.pick(WORDS)}.js';`;
    default:
      return `  ${rng.pick(WORDS)}.${id}({ ${rng.pick(WORDS)}: ${rng.int(10000)}, ${rng.pick(WORDS)}: '${rng.pick(WORDS)}' });`;
  }
}

function textOfSize(rng, bytes) {
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const line = codeLine(rng);
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

/** A new version of a text file: a few lines replaced and, sometimes, a few added. */
function edit(rng, lines) {
  const out = lines.slice();
  const at = rng.int(out.length);
  const replace = 1 + rng.int(4);
  const insert = rng() < 0.4 ? 2 + rng.int(5) : 0;
  out.splice(at, replace, ...Array.from({ length: replace + insert }, () => codeLine(rng)));
  return out;
}

export function blobSha(buffer) {
  return createHash('sha1').update(`blob ${buffer.length}\0`).update(buffer).digest('hex');
}

function dataCommand(buffer) {
  return [Buffer.from(`data ${buffer.length}\n`), buffer, Buffer.from('\n')];
}

export function releaseTag(k) {
  return `v${1 + Math.floor(k / 10)}.${k % 10}.0`;
}

/**
 * The template: every path's blob versions, and which commit changes which path to which version.
 * Returns { stream: Buffer (blob-only fast-import stream), paths, schedule, initial, bytes }.
 * schedule[i] = [[path, sha], ...] changed by commit i (commit 0 adds everything).
 */
export function buildTemplate(seed = 1) {
  const rng = prng(seed);
  const h = HISTORY;
  const textPaths = [];
  for (const dir of h.dirs) for (let f = 0; f < h.filesPerDir; f++) textPaths.push(`src/${dir}/${identifier(rng)}-${f}.ts`);
  for (let d = 0; d < h.docs; d++) textPaths.push(`docs/${rng.pick(WORDS)}-${d}.md`);
  const assetPaths = Array.from({ length: h.assets }, (_, i) => `assets/${rng.pick(WORDS)}-${i}.bin`);

  // Which commit changes what: 1-3 text files per commit, the changelog at every release, and the
  // assets now and then (one of them between the last two releases, so a restore rewrites 256 KB).
  const changes = Array.from({ length: h.commits }, () => []);
  const lastRelease = Math.floor(h.commits / h.releaseEvery) * h.releaseEvery - 1;
  for (let i = 1; i < h.commits; i++) {
    const count = 1 + (rng() < 0.5 ? 0 : rng() < 0.6 ? 1 : 2);
    const chosen = new Set();
    while (chosen.size < count) chosen.add(textPaths[rng.int(textPaths.length)]);
    changes[i].push(...chosen);
    if ((i + 1) % h.releaseEvery === 0) changes[i].push('CHANGELOG.md');
  }
  changes[100].push(assetPaths[0]);
  changes[220].push(assetPaths[1]);
  changes[lastRelease - 5].push(assetPaths[2]);

  const versionsNeeded = new Map();
  for (const list of changes) for (const p of list) versionsNeeded.set(p, (versionsNeeded.get(p) ?? 0) + 1);

  const parts = [];
  let bytes = 0;
  const shas = new Map(); // path -> [sha of v0, v1, ...]
  const emit = (buffer) => {
    parts.push(Buffer.from('blob\n'), ...dataCommand(buffer));
    bytes += buffer.length;
    return blobSha(buffer);
  };
  // Each path's versions consecutively, so fast-import stores them as deltas of each other.
  for (const path of textPaths) {
    let lines = textOfSize(rng, 4096 + rng.int(20 * 1024));
    const list = [emit(Buffer.from(`${lines.join('\n')}\n`))];
    for (let v = 0; v < (versionsNeeded.get(path) ?? 0); v++) {
      lines = edit(rng, lines);
      list.push(emit(Buffer.from(`${lines.join('\n')}\n`)));
    }
    shas.set(path, list);
  }
  for (const path of assetPaths) {
    const list = [];
    for (let v = 0; v <= (versionsNeeded.get(path) ?? 0); v++) {
      const words = new Uint32Array(h.assetBytes / 4);
      for (let w = 0; w < words.length; w++) words[w] = (rng() * 4294967296) >>> 0;
      list.push(emit(Buffer.from(words.buffer)));
    }
    shas.set(path, list);
  }
  {
    const entries = ['# Changelog', ''];
    const list = [emit(Buffer.from(`${entries.join('\n')}\n`))];
    for (let v = 0; v < (versionsNeeded.get('CHANGELOG.md') ?? 0); v++) {
      entries.splice(2, 0, `## ${releaseTag(v)}`, '', `- ${rng.pick(WORDS)} ${rng.pick(WORDS)}: ${rng.pick(WORDS)} ${rng.pick(WORDS)}`, '');
      list.push(emit(Buffer.from(`${entries.join('\n')}\n`)));
    }
    shas.set('CHANGELOG.md', list);
  }

  const counters = new Map();
  const initial = [...shas].map(([path, list]) => [path, list[0]]);
  const schedule = changes.map((list, i) => {
    if (i === 0) return initial;
    return list.map((path) => {
      const v = (counters.get(path) ?? 0) + 1;
      counters.set(path, v);
      return [path, shas.get(path)[v]];
    });
  });
  const blobs = [...shas.values()].reduce((n, list) => n + list.length, 0);
  return { stream: Buffer.concat(parts), schedule, blobs, rawBytes: bytes };
}

const AUTHORS = [
  ['Ada Reyes', 'ada@example.invalid'],
  ['Bo Lindqvist', 'bo@example.invalid'],
  ['Chidi Okafor', 'chidi@example.invalid'],
  ['Dana Kim', 'dana@example.invalid'],
  ['Emil Novak', 'emil@example.invalid'],
  ['Farah Haddad', 'farah@example.invalid'],
  ['Gus Moreau', 'gus@example.invalid'],
  ['Hana Sato', 'hana@example.invalid'],
];
const VERBS = ['fix', 'add', 'refactor', 'speed up', 'document', 'test', 'harden', 'simplify'];
const BASE_TIME = Date.parse('2025-01-06T09:00:00Z') / 1000;

/**
 * One component's history as a fast-import stream over the template's blobs. Returns
 * { stream, releases: [{ tag, mark }] }; with --export-marks the caller maps marks to SHAs.
 */
export function componentStream(name, index, template) {
  const rng = prng(0x9e3779b1 ^ (index * 2654435761));
  const h = HISTORY;
  const parts = [];
  const releases = [];
  const text = (s) => parts.push(Buffer.from(s));
  const inline = (path, content) => {
    const buf = Buffer.from(content);
    text(`M 100644 inline ${path}\ndata ${buf.length}\n`);
    parts.push(buf);
    text('\n');
  };
  let t = BASE_TIME + index * 97;
  let pr = 1;
  for (let i = 0; i < h.commits; i++) {
    t += 1800 + rng.int(6 * 3600);
    const [author, email] = rng.pick(AUTHORS);
    const isRelease = (i + 1) % h.releaseEvery === 0;
    const releaseIndex = Math.floor((i + 1) / h.releaseEvery) - 1;
    const message =
      i === 0
        ? `${name}: initial import\n`
        : isRelease
          ? `${name}: release ${releaseTag(releaseIndex)}\n`
          : `${name}: ${rng.pick(VERBS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)} (#${pr++})\n\nTouches ${template.schedule[i].map(([p]) => p).join(', ')}.\n`;
    const msg = Buffer.from(message);
    text(`commit refs/heads/main\nmark :${i + 1}\nauthor ${author} <${email}> ${t} +0000\ncommitter ${author} <${email}> ${t} +0000\ndata ${msg.length}\n`);
    parts.push(msg);
    text('\n');
    for (const [path, sha] of template.schedule[i]) text(`M 100644 ${sha} ${path}\n`);
    if (i === 0) inline('README.md', `# ${name}\n\nOne of the services of the benchmark system.\n`);
    if (i === 0 || isRelease) {
      const version = i === 0 ? '0.0.0' : releaseTag(releaseIndex).slice(1);
      inline('component.json', `${JSON.stringify({ name, version, owner: `team-${index % 17}` }, null, 2)}\n`);
    }
    text('\n');
    if (isRelease) {
      const tag = releaseTag(releaseIndex);
      if (releaseIndex % 2 === 1) {
        const tagMsg = Buffer.from(`${name} ${tag}\n`);
        text(`tag ${tag}\nfrom :${i + 1}\ntagger ${author} <${email}> ${t + 60} +0000\ndata ${tagMsg.length}\n`);
        parts.push(tagMsg);
        text('\n');
      } else {
        text(`reset refs/tags/${tag}\nfrom :${i + 1}\n\n`);
      }
      releases.push({ tag, mark: i + 1 });
    }
  }
  text('done\n');
  return { stream: Buffer.concat(parts), releases };
}

const NAME_A = (
  'billing auth search catalog checkout payments ledger inventory shipping notify profile ' +
  'pricing reports media gateway identity orders reviews audit export import scheduler ' +
  'recommend session analytics mailer quotes geo tax fraud'
).split(' ');
const NAME_B = 'api worker ui sync core store cache proxy jobs admin events stream web cron feed bridge index agent hub edge'.split(' ');

/** n distinct, valid component names such as `billing-api`, `auth-worker`. */
export function componentNames(n) {
  const names = [];
  for (let i = 0; i < n; i++) {
    const a = NAME_A[i % NAME_A.length];
    const b = NAME_B[Math.floor(i / NAME_A.length) % NAME_B.length];
    const round = Math.floor(i / (NAME_A.length * NAME_B.length));
    names.push(round === 0 ? `${a}-${b}` : `${a}-${b}-${round + 1}`);
  }
  return names;
}
