/** CONTENT_DIR lets a build publish another corpus (tests, benchmarks) than ./content. */
export function contentFolder(collection: 'entities' | 'sources'): string {
  return `${process.env.CONTENT_DIR || './content'}/${collection}`;
}
