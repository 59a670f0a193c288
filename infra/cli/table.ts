// Lists for people (aligned columns under a header) and for scripts (--json).

export interface Column<T> {
  header: string;
  value(row: T): string;
}

export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string[] {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const widths = columns.map((_c, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Prints rows as a table (or "none" under the header's name), or as JSON for scripts. */
export function printList<T>(
  out: (line: string) => void,
  o: { json: boolean; what: string; columns: readonly Column<T>[]; rows: readonly T[] },
) {
  if (o.json) return out(JSON.stringify(o.rows, null, 2));
  if (o.rows.length === 0) return out(`no ${o.what}`);
  formatTable(o.columns, o.rows).forEach((l) => out(l));
  out(`${o.rows.length} ${o.what}`);
}
