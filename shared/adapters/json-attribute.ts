// Large JSON (a 5,000-row counts report) would pass DynamoDB's 400 KB item
// limit as text; past a threshold it is stored gzip-compressed as binary.
import { gunzipSync, gzipSync } from 'node:zlib';

const COMPRESS_ABOVE = 32 * 1024;

/** JSON as an attribute value of the document client: text, or gzip bytes when large. */
export function encodeJson(value: unknown): string | Uint8Array {
  const text = JSON.stringify(value);
  return text.length > COMPRESS_ABOVE ? gzipSync(text) : text;
}

export function decodeJson(value: unknown): unknown {
  if (typeof value === 'string') return JSON.parse(value);
  if (value instanceof Uint8Array) return JSON.parse(gunzipSync(value).toString('utf8'));
  throw new Error('JSON attribute is neither text nor binary');
}
