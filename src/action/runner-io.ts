import { EOL } from 'node:os';
// @actions/core's entry module also loads its OIDC token client, and with it undici and
// @actions/exec: about 100 ms before the action's first line, for a feature this action never
// uses. These are the same library's own writers of workflow commands, file commands and the job
// summary, imported from its files (its package exports list only the entry).
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../../node_modules/@actions/core/lib/summary.js';

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed, exactly as @actions/core reads it. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, value);
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** Lines until endGroup fold under `title` in the Actions UI. */
export function startGroup(title: string): void {
  issueCommand('group', {}, title);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export function warning(message: string): void {
  issueCommand('warning', {}, message);
}

/** An error annotation on a line of a file (a pull request shows it on that line of the diff). */
export function annotateError(message: string, file: string, line: number): void {
  issueCommand('error', { file, line: String(line) }, message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  issueCommand('error', {}, message);
}

export async function writeSummary(markdown: string): Promise<void> {
  await summary.addRaw(markdown, true).write();
}
