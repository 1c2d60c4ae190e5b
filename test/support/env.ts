/**
 * The environment for builds started from tests. Vitest copies
 * import.meta.env values (BASE_URL, MODE …) into process.env, and Astro
 * would inline them into the site it builds; leave them out.
 */
const VITE_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITE_KEYS.has(key) && !key.startsWith('VITEST')));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
