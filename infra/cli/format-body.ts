// A request body as JSON that a person can read: a list of objects one per line.

export function formatBody(body: Record<string, unknown>): string {
  const entries = Object.entries(body);
  const lines = ['{'];
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'object' && x !== null)) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((x, j) => lines.push(`    ${JSON.stringify(x)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  });
  lines.push('}');
  return lines.join('\n');
}
