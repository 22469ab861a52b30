#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';
import { installInterruptHandlers } from './core/interrupt.js';

// Ctrl-C and SIGTERM are handled (SPEC section 2, "Interrupted runs"), not left to kill the process mid-write.
installInterruptHandlers({
  report: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
});

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  terminal: process.stderr.isTTY === true,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  // At once: while a process ends by itself, Node restores the default action of SIGINT and
  // SIGTERM, so a signal landing then would kill it after its work completed (stdout and stderr
  // are synchronous for files and pipes here, so nothing is lost).
  process.exit(code);
});
