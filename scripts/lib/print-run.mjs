// Prints an action run the way a user would look at it on GitHub: the step's log as the runner
// shows it, the outputs, the job summary, and each pull request with its diff.

/** The log as the Actions UI renders it: masks and group ends hidden, groups and annotations labelled. */
export function renderLog(stdout) {
  const lines = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::add-mask::') || line === '::endgroup::') continue;
    const command = /^::(group|error|warning|notice)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) lines.push(line);
    else if (command[1] === 'group') lines.push(`▸ ${command[2]}`);
    else lines.push(`${command[1][0].toUpperCase()}${command[1].slice(1)}: ${command[2]}`);
  }
  return lines.join('\n').trimEnd();
}

function section(title, body, write) {
  write(`\n--- ${title}`);
  write(body.trimEnd() || '(empty)');
}

export function printRun({ run, pulls }, write = (text) => console.log(text)) {
  section(`action log (exit code ${run.code})`, `${renderLog(run.stdout)}\n${run.stderr}`, write);
  section('outputs', Object.entries(run.outputs).map(([name, value]) => `${name}: ${value}`).join('\n'), write);
  section('job summary', run.summary, write);
  if (pulls.length === 0) write('\n--- no pull request');
  for (const pr of pulls) {
    const state = pr.mergedAt ? `merged (${pr.mergeMethod})` : pr.state;
    section(`pull request #${pr.number}: ${pr.title} [${state}, ${pr.headRef} → ${pr.baseRef}]`, pr.body ?? '', write);
    section(`diff of pull request #${pr.number}`, pr.diff, write);
  }
}
