// The floor a lock rollback is measured against: the yaml package parses the lock and writes it
// back (`node scripts/bench/yaml-baseline.mjs LOCK OUT`), with the same Node start-up as the CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const [lock, out] = process.argv.slice(2);
const doc = parseDocument(readFileSync(lock, 'utf8'));
writeFileSync(out, doc.toString());
