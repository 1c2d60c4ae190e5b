/**
 * The Content-Security-Policy of every page: only the site itself, plus
 * compiling Pagefind's WebAssembly. No inline scripts or styles exist, so
 * none are allowed; text from the documents can never run as code.
 * Delivered as <meta http-equiv> (works on any host) and in public/_headers
 * with `frame-ancestors`, which only a header can carry.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const CSP = CSP_DIRECTIVES.join('; ');
