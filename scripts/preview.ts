/**
 * npm run preview: serve dist/ on http://127.0.0.1:4321 (PORT, BASE_PATH honoured).
 */
import { serveStatic } from './lib/static-server.ts';

const { origin } = await serveStatic('dist', { port: Number(process.env.PORT ?? 4321), base: process.env.BASE_PATH ?? '/' });
console.log(`Serving dist/ at ${origin}${process.env.BASE_PATH ?? '/'}`);
