/**
 * npm run preview: serve the built site on http://127.0.0.1:4321 under its base path.
 */
import { cli } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';

const { config } = cli({
  usage: 'npm run preview -- [options]',
  summary: 'Serves the built site on this machine, under the base path it was built for.',
  settings: ['dist', 'port'],
  host: true,
});
const { origin } = await serveStatic(config.dist, { port: config.port, base: config.base });
console.log(`Serving ${config.dist}/ at ${origin}${config.base}`);
