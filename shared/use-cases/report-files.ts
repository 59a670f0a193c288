// Reading a published report file by the path a reader asked for: only plain
// relative paths, a folder means its index.html.
import type { ObjectStore, StoredObject } from '../adapters/object-store.js';

const SAFE_PATH = /^[A-Za-z0-9._\-/]*$/;

/** `<prefix>/<path>`, with index.html for a folder; null for anything that is not a plain relative path. */
export function reportObjectKey(prefix: 'reports' | 'committee', path: string): string | null {
  if (!SAFE_PATH.test(path) || path.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  return `${prefix}/${path === '' || path.endsWith('/') ? `${path}index.html` : path}`;
}

export async function readReportFile(
  deps: { objects: ObjectStore; bucket: string },
  prefix: 'reports' | 'committee',
  path: string,
): Promise<StoredObject | null> {
  const key = reportObjectKey(prefix, path);
  return key ? deps.objects.get(deps.bucket, key) : null;
}
