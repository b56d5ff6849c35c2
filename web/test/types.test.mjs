// tsc --noEmit on passmeter.d.ts and a typed usage file; tsc --checkJs
// --strict over web/src (tsconfig.src.json: the sources' JSDoc, whose
// option tables are typed by passmeter.d.ts, so the two cannot drift); and
// the option tables' keys are the d.ts's option interfaces' keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ATTACH_OPTIONS, ATTACH_ATTRIBUTES } from '../src/attach.js';
import { LOAD_OPTIONS, HIBP_OPTIONS } from '../src/load.js';

const web = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

/** Runs tsc -p project in web/; resolves to its exit code and output. */
async function runTsc(project) {
  const run = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: web }).catch((e) => e);
  return { code: run.code ?? 0, output: `${run.stdout}${run.stderr}` };
}

test('tsc --noEmit on the types and a typed usage file', async () => {
  const run = await runTsc('tsconfig.json');
  assert.equal(run.code, 0, run.output);
});

test('tsc --checkJs --strict over web/src: no errors', async () => {
  const config = JSON.parse(await readFile(new URL('../tsconfig.src.json', import.meta.url), 'utf8'));
  assert.equal(config.compilerOptions.strict, true);
  assert.equal(config.compilerOptions.checkJs, true);
  const run = await runTsc('tsconfig.src.json');
  assert.equal(run.code, 0, run.output);
});

test('the built d.ts is the source one', async () => {
  const a = await readFile(new URL('../src/passmeter.d.ts', import.meta.url), 'utf8');
  const b = await readFile(new URL('../dist/passmeter.d.ts', import.meta.url), 'utf8');
  assert.equal(b, a);
});

/** The member names of an interface of passmeter.d.ts. */
async function interfaceKeys(name) {
  const text = await readFile(new URL('../src/passmeter.d.ts', import.meta.url), 'utf8');
  const file = ts.createSourceFile('passmeter.d.ts', text, ts.ScriptTarget.Latest, true);
  const found = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(found, `interface ${name} in passmeter.d.ts`);
  return found.members.map((m) => m.name.getText(file));
}

test('the option tables hold exactly the options passmeter.d.ts declares', async () => {
  for (const [table, name] of [[ATTACH_OPTIONS, 'AttachOptions'], [LOAD_OPTIONS, 'LoadOptions'], [HIBP_OPTIONS, 'HibpOptions']]) {
    assert.deepEqual(Object.keys(table).sort(), (await interfaceKeys(name)).sort(), name);
  }
});

test('MessageKey in passmeter.d.ts is the keys of the English texts', async () => {
  const { MESSAGE_KEYS } = await import('../src/i18n/index.js');
  const text = await readFile(new URL('../src/passmeter.d.ts', import.meta.url), 'utf8');
  const file = ts.createSourceFile('passmeter.d.ts', text, ts.ScriptTarget.Latest, true);
  const alias = file.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'MessageKey');
  assert.ok(alias && ts.isUnionTypeNode(alias.type), 'type MessageKey, a union');
  const keys = alias.type.types.map((t) => t.literal.text);
  assert.deepEqual(keys.sort(), [...MESSAGE_KEYS.ui].sort());
});

test('auto-attach watches every data-passmeter-* attribute attach() reads, each listed in the README', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const auto = await readFile(new URL('../src/auto.js', import.meta.url), 'utf8');
  assert.match(auto, /\.\.\.ATTACH_ATTRIBUTES/);
  for (const attr of ATTACH_ATTRIBUTES) assert.ok(readme.includes(`\`${attr}`), `${attr} in web/README.md`);
});
