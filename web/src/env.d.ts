// What the sources find around them, for `tsc -p tsconfig.src.json`
// (web/test/types.test.mjs): the build's defines, the globals Go's
// wasm_exec.js and the module set, the few Node names the Node and
// CommonJS entries use, the modules the build provides, and React's
// hooks. For checking only: not shipped (passmeter.d.ts is the public one).

/** Defined by web/build.mjs in the browser builds. */
declare const __PASSMETER_BROWSER__: boolean;
/** Defined by web/build.mjs: package.json's version. */
declare const __PASSMETER_VERSION__: string;

/** Go's wasm_exec.js: the class that runs a Go program. */
declare var Go: (new () => import('./goenv.js').GoInstance) | undefined;
/** The module's globals (wasm/main.go). */
declare var strengthCheck: (request: unknown) => any;
declare var securityLevel: (request: unknown) => any;
/** The <script> build's API (entry-script.js). */
declare var passmeter: unknown;

// Node, in the Node and CommonJS entries and the bundler plugins (base.js only asks whether it is there).
declare var process: { versions?: { node?: string } } | undefined;
declare var __filename: string;
declare var __dirname: string;
declare var module: { exports: unknown & { default?: unknown } };
declare function require(id: string): unknown;
declare module 'node:url' {
  export function pathToFileURL(path: string): URL;
  export function fileURLToPath(url: string | URL): string;
}
declare module 'node:fs' {
  export function readFileSync(path: string): Uint8Array<ArrayBuffer>;
}
declare module 'node:fs/promises' {
  export function readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  export function readFile(path: string, encoding: 'utf8'): Promise<string>;
  export function copyFile(from: string, to: string): Promise<void>;
  export function cp(from: string, to: string, options?: { recursive?: boolean }): Promise<void>;
  export function mkdir(path: string, options?: { recursive?: boolean }): Promise<string | undefined>;
}
declare module 'node:path' {
  export function join(...parts: string[]): string;
  export function dirname(path: string): string;
  export function resolve(...parts: string[]): string;
}

/** web/build.mjs writes it: a literal import() a locale. */
declare module 'passmeter:locale-loaders' {
  const loaders: Record<string, () => Promise<unknown>>;
  export default loaders;
}
/** Go's wasm_exec.js, copied next to the bundler entry in web/dist. */
declare module '*/wasm_exec.js' {}
/** The package's Node entry, next to zxcvbn.mjs in web/dist. */
declare module '*/passmeter.mjs' {
  export const load: typeof import('./passmeter').load;
}

/** The hooks and createElement passmeter/react uses (React is a peer dependency, not installed here). */
declare module 'react' {
  export interface ReactElement { type: unknown; props: unknown; key: string | null }
  export function useState<S>(initial: S): [S, (next: S | ((previous: S) => S)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useRef<T>(initial: T): { current: T };
  export function createElement(type: string, props?: Record<string, unknown> | null, ...children: unknown[]): ReactElement;
}
