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
  process.exitCode = code;
});
