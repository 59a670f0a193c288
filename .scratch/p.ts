import { buildReports } from '../shared/domain/report/report-model.js';
import { reportPage } from '../shared/domain/report/pages.js';
import { reportInput, formMonth, aggregateOf, formComment, aggregateComment } from '../test/support/report-input.js';
const input = reportInput({
  feedback: [
    formMonth('OVO1', 's1', '2026-07', [0, 0, 1, 4, 5], { yes: 6, partly: 2, no: 1 }),
    aggregateOf('OVO1', 's1', '2026-Q3', [1, 1, 2, 3, 3], { yes: 5, no: 5 }, 2),
    aggregateOf('OVO1', 's1', '2026-Q2', [0, 0, 0, 0, 10]),
    formMonth('OVO1', 's2', '2026-08', [0, 1, 1, 1, 0]),
    formMonth('OVO1', 's2', '2025-02', [0, 0, 0, 5, 0]),
    aggregateOf('OVO2', 's3', '2026-07', [0, 0, 0, 5, 5]),
    aggregateOf('OVO2', 's3', '2026-08', [2, 2, 2, 2, 2]),
  ],
  comments: [
    formComment('OVO1', 's1', '2026-07-03', 5, 'Vlot: [e-mailadres]'),
    aggregateComment('OVO1', 's1', '2026-Q3', '2026-10-02', 'Te veel stappen.\nEn <traag>.'),
    aggregateComment('OVO2', 's3', '2026-07', '2026-08-01', 'Goed.'),
  ],
});
const r = buildReports(input);
console.log(JSON.stringify(r.public.json.feedback, null, 1));
console.log(JSON.stringify(r.committee.json.comments, null, 1));
const page = reportPage(r.public);
console.log(page.slice(page.indexOf('<h2 id="tevredenheid"'), page.indexOf('<h2 id="e-loketten"')));
const c = reportPage(r.committee);
console.log(c.slice(c.indexOf('<h2 id="opmerkingen"'), c.indexOf('<h2 id="e-loketten"')));
for (const s of r.committee.sections) for (const f of s.files(r.committee.page)) if (/tevreden|opmerk/.test(f.name)) console.log(f.name, '\n', f.body);
console.log(r.public.json.asOf);
