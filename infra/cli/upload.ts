// Sends one request body with a progress bar on the terminal: a fetch for the
// typed client (shared/client) that writes the body in chunks as node:http
// takes them, since fetch itself says nothing of how far an upload is.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

function bar(done: number, total: number, rows: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
  const rowsDone = total === 0 ? rows : Math.round((done / total) * rows);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${rowsDone.toLocaleString('en')} / ${rows.toLocaleString('en')} rows`;
}

/** The node:http answer as a fetch Response (the client reads its status, headers and text). */
function asResponse(res: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  const status = res.statusCode ?? 0;
  // A Response with one of these statuses may have no body.
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : new Uint8Array(body), { status, headers });
}

/** A fetch that draws a progress bar of `rows` rows on `out` while it sends the body (a string, as the client sends). */
export function fetchWithProgress(rows: number, out: NodeJS.WriteStream = process.stderr): typeof fetch {
  return (input, init = {}) => {
    const data = Buffer.from(typeof init.body === 'string' ? init.body : '', 'utf8');
    const target = new URL(input instanceof Request ? input.url : input);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...(init.headers as Record<string, string> | undefined), 'content-length': String(data.length) };
    const tty = out.isTTY === true;
    return new Promise((resolveUpload, reject) => {
      const req = send(target, { method: init.method ?? 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveUpload(asResponse(res, Buffer.concat(chunks))));
        res.on('error', reject);
      });
      req.on('error', reject);
      const chunk = 16 * 1024;
      let sent = 0;
      let lastQuarter = -1;
      const writeNext = () => {
        while (sent < data.length) {
          const end = Math.min(sent + chunk, data.length);
          const ok = req.write(data.subarray(sent, end));
          sent = end;
          if (tty) out.write(`\r${bar(sent, data.length, rows)}`);
          else {
            const quarter = Math.floor((sent / data.length) * 4);
            if (quarter > lastQuarter) {
              lastQuarter = quarter;
              out.write(`${bar(sent, data.length, rows)}\n`);
            }
          }
          if (!ok) return void req.once('drain', writeNext);
        }
        if (tty) out.write('\n');
        req.end();
      };
      writeNext();
    });
  };
}
