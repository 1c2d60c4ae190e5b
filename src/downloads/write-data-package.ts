/**
 * Write the Fiscal Data Package (see data-package.ts) into dist/data/: one
 * entity read at a time and its rows appended, so memory stays that of one
 * entity at any corpus size. The entity files are not validated again here:
 * the downloads writer has just validated every one of them with the
 * collection schema (write-all.ts), which costs several times the reading.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { siteSettings } from '../config.ts';
import type { Entity } from '../ingest/model/schema.ts';
import { AMOUNT_FIELDS, UNIT_FIELDS, amountRecords, csvHeader, csvLine, dataPackageDescriptor, unitRecord } from './data-package.ts';

export interface PackageWritten {
  entities: number;
  amounts: number;
}

/** `created` comes from the host (SOURCE_DATE_EPOCH) or is left out, so the bytes depend on the content only. */
export function writeDataPackage(contentDir: string, distDir: string, created: string | undefined): PackageWritten {
  const entitiesDir = join(contentDir, 'entities');
  const files = readdirSync(entitiesDir).filter((f) => f.endsWith('.json')).sort();
  const dataDir = join(distDir, 'data');
  mkdirSync(join(dataDir, 'fdp'), { recursive: true });
  const amounts = openSync(join(dataDir, 'fdp', 'amounts.csv'), 'w');
  const units = openSync(join(dataDir, 'fdp', 'units.csv'), 'w');
  const years = new Set<number>();
  const written: PackageWritten = { entities: 0, amounts: 0 };
  try {
    writeSync(amounts, csvHeader(AMOUNT_FIELDS));
    writeSync(units, csvHeader(UNIT_FIELDS));
    for (const file of files) {
      const entity = JSON.parse(readFileSync(join(entitiesDir, file), 'utf8')) as Entity;
      years.add(entity.year);
      writeSync(units, csvLine(UNIT_FIELDS, unitRecord(entity)));
      const records = amountRecords(entity);
      if (records.length) writeSync(amounts, records.map((r) => csvLine(AMOUNT_FIELDS, r)).join(''));
      written.entities++;
      written.amounts += records.length;
    }
  } finally {
    closeSync(amounts);
    closeSync(units);
  }
  const descriptor = dataPackageDescriptor({ created, years: [...years], site: siteSettings().site ?? undefined });
  writeFileSync(join(dataDir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  return written;
}
