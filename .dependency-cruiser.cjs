/**
 * The import graph of src/ and scripts/ (npm run check:cycles): no module may
 * reach itself again through its imports, type-only imports included, so every
 * module can be read, tested and loaded on its own.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into a module both can import.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API: swc parses the TypeScript sources.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.d\\.ts$'] },
  },
};
