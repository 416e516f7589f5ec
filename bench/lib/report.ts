import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Table {
  title?: string;
  columns: string[];
  rows: string[][];
}

/** What one scenario reports: tables to read, findings to act on, raw figures for the JSON. */
export interface Section {
  id: string;
  title: string;
  /** How it was measured, in a sentence or two. */
  method: string;
  tables: Table[];
  findings: string[];
  notes: string[];
  data: unknown;
  /** Set when the scenario could not run; the reason. */
  skipped?: string;
  seconds?: number;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverageStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export interface Report {
  date: string;
  command: string;
  mode: string;
  machine: Machine;
  system: string;
  durationSec?: number;
  sections: Section[];
}

function textTable(table: Table): string {
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (numeric(table, i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(table.columns), widths.map((width) => '─'.repeat(width)).join('  '), ...table.rows.map(line)].join('\n');
}

/** Columns of figures are right-aligned: every cell starts with a digit, a sign or a dash. */
const numeric = (table: Table, column: number) => table.rows.every((row) => /^[-–+\d.]/.test(row[column] ?? ''));

function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `|${table.columns.map((_, i) => (numeric(table, i) ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function printSection(section: Section, write: (text: string) => void): void {
  write(`\n━━ ${section.title}${section.seconds !== undefined ? ` (${section.seconds.toFixed(0)} s)` : ''}\n`);
  if (section.skipped) {
    write(`   skipped: ${section.skipped}\n`);
    return;
  }
  for (const table of section.tables) write(`${table.title ? `${table.title}\n` : ''}${textTable(table)}\n\n`);
  for (const finding of section.findings) write(`FINDING: ${finding}\n`);
  for (const note of section.notes) write(`note: ${note}\n`);
}

export function markdown(report: Report): string {
  const m = report.machine;
  const out = [
    `# Benchmark report`,
    '',
    `- Date: ${report.date}`,
    `- Command: \`${report.command}\` (${report.mode})`,
    `- Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}`,
    `- Load average (1/5/15 min) at start: ${m.loadAverageStart.join(' / ')}${m.loadAverageEnd ? `; at end: ${m.loadAverageEnd.join(' / ')}` : ''} — a shared machine: other work ran beside the bench`,
    `- System under test: ${report.system}`,
    ...(report.durationSec !== undefined ? [`- Duration: ${(report.durationSec / 60).toFixed(1)} min`] : []),
    '',
    'Every latency is the median over runs of each run\'s p50 / p99 (ms); every ratio compares runs taken side by side (interleaved) in this run.',
  ];
  for (const section of report.sections) {
    out.push('', `## ${section.title}`, '', section.method, '');
    if (section.skipped) {
      out.push(`Skipped: ${section.skipped}`);
      continue;
    }
    for (const table of section.tables) out.push(...(table.title ? [`**${table.title}**`, ''] : []), markdownTable(table), '');
    for (const finding of section.findings) out.push(`- **Finding:** ${finding}`);
    for (const note of section.notes) out.push(`- ${note}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Writes `<name>.md` and `<name>.json`, and a dated copy of the JSON under runs/. A full run is
 * `latest` (its Markdown is kept in git); partial runs are `last-partial`. JSON stays out of git.
 */
export function writeReport(report: Report, directory: string, name: string): { markdown: string; json: string } {
  mkdirSync(join(directory, 'runs'), { recursive: true });
  const json = JSON.stringify(report, null, 2);
  const stamp = report.date.replace(/[:.]/g, '-');
  const files = { markdown: join(directory, `${name}.md`), json: join(directory, `${name}.json`) };
  writeFileSync(files.markdown, markdown(report));
  writeFileSync(files.json, json);
  writeFileSync(join(directory, 'runs', `${stamp}.json`), json);
  return files;
}
