// Sends one request body with a progress bar on the terminal.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface UploadResult {
  status: number;
  body: string;
}

function bar(done: number, total: number, rows: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
  const rowsDone = total === 0 ? rows : Math.round((done / total) * rows);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${rowsDone.toLocaleString('en')} / ${rows.toLocaleString('en')} rows`;
}

export function postWithProgress(
  url: string,
  headers: Record<string, string>,
  body: string,
  rows: number,
  out: NodeJS.WriteStream = process.stderr,
): Promise<UploadResult> {
  const data = Buffer.from(body, 'utf8');
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const tty = out.isTTY === true;
  return new Promise((resolveUpload, reject) => {
    const req = send(target, { method: 'POST', headers: { ...headers, 'content-length': String(data.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveUpload({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
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
}
