// Large JSON (a 5,000-row counts report) would pass DynamoDB's 400 KB item
// limit as text; past a threshold it is stored gzip-compressed as binary.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const COMPRESS_ABOVE = 32 * 1024;

export function encodeJson(value: unknown): AttributeValue {
  const text = JSON.stringify(value);
  return text.length > COMPRESS_ABOVE ? { B: gzipSync(text) } : { S: text };
}

export function decodeJson(attr: AttributeValue | undefined): unknown {
  if (!attr) throw new Error('missing JSON attribute');
  if ('S' in attr && attr.S !== undefined) return JSON.parse(attr.S);
  if ('B' in attr && attr.B !== undefined) {
    // The stream delivers binary as base64 text in a Lambda event; the SDK gives bytes.
    const b: unknown = attr.B;
    const bytes = typeof b === 'string' ? Buffer.from(b, 'base64') : Buffer.from(b as Uint8Array);
    return JSON.parse(gunzipSync(bytes).toString('utf8'));
  }
  throw new Error('JSON attribute is neither text nor binary');
}
