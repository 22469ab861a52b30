import type { RollbackReport } from '../core/changes.js';
import { shortPin } from '../core/changes.js';
import type { HealthReport } from '../core/health/index.js';
import { healthToMarkdown } from '../core/health/index.js';
import type { RepoRef } from '../github/repository.js';

/** Markdown for pull request bodies and job summaries; no GitHub or runner knowledge here. */

export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A compare link for a component hosted on the same server, else the plain SHAs. */
export function compareLink(change: RollbackReport['changes'][number], componentRepo: RepoRef | undefined, serverUrl: string): string {
  if (!componentRepo || !change.from || !change.to.commit) return '';
  return `[compare](${serverUrl.replace(/\/+$/, '')}/${componentRepo.owner}/${componentRepo.repo}/compare/${change.to.commit}...${change.from.commit})`;
}

export interface ChangeRow {
  readonly change: RollbackReport['changes'][number];
  readonly link: string;
  readonly pullRequest?: string;
  readonly health?: string;
}

export function changesTable(rows: readonly ChangeRow[], withPr: boolean): string {
  if (rows.length === 0) return '_No pins changed: everything already matched._\n';
  const head = withPr ? '| component | from | to | compare | pull request | health |\n|---|---|---|---|---|---|\n' : '| component | from | to | compare |\n|---|---|---|---|\n';
  const body = rows
    .map((r) => {
      const cells = [r.change.component, shortPin(r.change.from), shortPin(r.change.to), r.link];
      if (withPr) cells.push(r.pullRequest ?? '', r.health ?? '');
      return `| ${cells.map(escapeCell).join(' | ')} |`;
    })
    .join('\n');
  return `${head}${body}\n`;
}

export function undoText(snapshot: string | null, env: string | null): string {
  if (!snapshot) return '';
  const envFlag = env ? ` --env ${env}` : '';
  return [
    '### Undo',
    '',
    `Every rollback saves the pins it replaces. To put them back, run this action with \`mode: snapshot\`, \`snapshot-action: restore\`, \`snapshot-file: ${snapshot}\`${env ? `, \`env: ${env}\`` : ''}, or locally:`,
    '',
    '```sh',
    `meta rollback snapshot --restore ${snapshot}${envFlag}`,
    '```',
    '',
  ].join('\n');
}

export function journalBlock(entry: RollbackReport['historyEntry']): string {
  if (!entry) return '';
  return ['### Journal entry (`.meta/history/rollbacks/`)', '', '```json', JSON.stringify(entry), '```', ''].join('\n');
}

/** The holds a rollback added, so reviewers see that the versions rolled away from cannot come back. */
export function holdsBlock(entry: RollbackReport['historyEntry']): string {
  const holds = entry?.holds ?? [];
  if (holds.length === 0) return '';
  const rows = holds.map((h) => `| ${escapeCell(h.component)} | ${escapeCell(h.version ?? '')} | \`${h.commit.slice(0, 12)}\` | ${h.envs ? escapeCell(h.envs.join(', ')) : 'every env'} |`);
  return [
    '### Holds added (`manifests/holds.yaml`)',
    '',
    'These pins may not be released again until the hold is released (`meta hold release NAME --commit SHA`); `meta check` fails on a lock that pins one.',
    '',
    '| component | version | commit | envs |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function pullRequestBody(input: { title: string; rows: readonly ChangeRow[]; entry: RollbackReport['historyEntry']; snapshot: string | null; env: string | null; note?: string }): string {
  return [
    `## ${input.title}`,
    '',
    changesTable(input.rows, false),
    input.note ? `${input.note}\n` : '',
    holdsBlock(input.entry),
    journalBlock(input.entry),
    undoText(input.snapshot, input.env),
    '<sub>Opened by meta-rollback. Running the same rollback again updates this pull request.</sub>',
    '',
  ].join('\n');
}

export function healthSection(report: HealthReport | undefined, title = 'Health'): string {
  if (!report) return '';
  return `### ${title}: ${report.healthy ? 'healthy' : 'UNHEALTHY'}\n\n${healthToMarkdown(report)}\n`;
}
