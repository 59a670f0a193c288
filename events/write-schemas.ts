// npm run schemas: writes the JSON Schema of every event version to
// events/schemas/<Type>.v<n>.json. A published version's file is its frozen
// contract: it is written once and never again (test/unit/events.test.ts
// fails when the code's schema of a published version no longer matches it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { eventJsonSchemas } from './index.js';

const dir = new URL('./schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(eventJsonSchemas())) {
  const file = new URL(`${name}.json`, dir);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${name} is published and frozen: its schema changed. Add a new version instead of changing it.`);
      process.exitCode = 1;
    }
    continue;
  }
  writeFileSync(file, text);
  console.log(`wrote events/schemas/${name}.json`);
}
