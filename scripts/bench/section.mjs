// Replaces (or appends) one "## Title" section of a Markdown file with the
// text on standard input. Usage: node section.mjs FILE "Title" < body.md
import { readFileSync, writeFileSync } from 'node:fs';

const [file, title] = process.argv.slice(2);
const body = readFileSync(0, 'utf8').trim();
const text = readFileSync(file, 'utf8');
const head = `## ${title}`;
const lines = text.split('\n');
const start = lines.findIndex((l) => l.trim() === head);
const section = [head, '', body, ''];
if (start < 0) {
  writeFileSync(file, text.replace(/\n*$/, '\n\n') + section.join('\n'));
} else {
  let end = lines.findIndex((l, k) => k > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  lines.splice(start, end - start, ...section);
  writeFileSync(file, lines.join('\n'));
}
