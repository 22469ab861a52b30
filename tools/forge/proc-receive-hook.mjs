// git's proc-receive hook for repositories with protected branches. git hands it
// each ref update before applying it; the hook asks the forge, prints GitHub's
// refusal as `remote: error: ...` and declines the ref the way GitHub's own hook
// does, or lets receive-pack apply the update itself ("fall-through").
// Protocol: githooks(5), "proc-receive"; every message is a pkt-line.
import process from 'node:process';

let pending = Buffer.alloc(0);
let ended = false;
let wake = () => {};
process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  wake();
});
process.stdin.on('end', () => {
  ended = true;
  wake();
});

/** The next packet's text without its newline, or null for a flush packet. */
async function readPacket() {
  for (;;) {
    if (pending.length >= 4) {
      const length = Number.parseInt(pending.subarray(0, 4).toString('latin1'), 16);
      if (length === 0) {
        pending = pending.subarray(4);
        return null;
      }
      if (pending.length >= length) {
        const text = pending.subarray(4, length).toString('utf8');
        pending = pending.subarray(length);
        return text.replace(/\n$/, '');
      }
    }
    if (ended) throw new Error('proc-receive: input ended mid-packet');
    await new Promise((resolve) => {
      wake = resolve;
    });
  }
}

async function readUntilFlush() {
  const packets = [];
  for (let p = await readPacket(); p !== null; p = await readPacket()) packets.push(p);
  return packets;
}

function packet(text) {
  const body = Buffer.from(`${text}\n`, 'utf8');
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
}

const FLUSH = Buffer.from('0000', 'latin1');

async function ask(updates) {
  const response = await fetch(process.env.FORGE_HOOK_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-hook-secret': process.env.FORGE_HOOK_SECRET ?? '' },
    body: JSON.stringify({ repo: process.env.FORGE_HOOK_REPO, updates }),
  });
  if (!response.ok) throw new Error(`forge answered ${response.status}`);
  return (await response.json()).results;
}

await readUntilFlush();
process.stdout.write(Buffer.concat([packet('version=1'), FLUSH]));
const updates = (await readUntilFlush()).map((line) => {
  const [oldSha, newSha, ref] = line.split(' ');
  return { oldSha, newSha, ref };
});

let results;
try {
  results = await ask(updates);
} catch (err) {
  process.stderr.write(`error: forge hook failed: ${err instanceof Error ? err.message : String(err)}\n`);
  results = updates.map((u) => ({ ref: u.ref, errors: ['hook failed'] }));
}
const out = [];
for (const { ref, errors } of results) {
  if (errors.length) {
    for (const line of errors) process.stderr.write(`error: ${line}\n`);
    out.push(packet(`ng ${ref} protected branch hook declined`));
  } else {
    out.push(packet(`ok ${ref}`), packet('option fall-through'));
  }
}
out.push(FLUSH);
process.stdout.write(Buffer.concat(out));
