// Types for passmeter/plugins. The bundlers' own types are not required:
// a plugin is typed structurally, as each bundler takes it.

/** For esbuild's plugins option (format esm or iife). */
export function passmeterEsbuild(): { name: string; setup(build: any): void };
/** For Rollup's plugins option, after @rollup/plugin-node-resolve with browser: true. */
export function passmeterRollup(): { name: string; transform(this: any, code: string, id: string): Promise<{ code: string; map: null } | null> };
