// tsc --noEmit on passmeter.d.ts and a typed usage file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

test('tsc --noEmit on the types and a typed usage file', async () => {
  const web = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const run = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: web }).catch((e) => e);
  assert.equal(run.code ?? 0, 0, `${run.stdout}${run.stderr}`);
});

test('the built d.ts is the source one', async () => {
  const { readFile } = await import('node:fs/promises');
  const a = await readFile(new URL('../src/passmeter.d.ts', import.meta.url), 'utf8');
  const b = await readFile(new URL('../dist/passmeter.d.ts', import.meta.url), 'utf8');
  assert.equal(b, a);
});
