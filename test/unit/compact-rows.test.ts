// The selection keeps rows compacted (shared/domain/compact-rows.ts): each
// row stays equal to the one read, key for key, what rows hold alike is one
// shared, frozen value (a service's rows share what they say of it alike),
// and the reports built from compacted rows are the same bytes as from the
// rows as read.
import { describe, expect, it } from 'vitest';
import { selectAsOf } from '../../shared/domain/as-of.js';
import { rowScores } from '../../shared/domain/assessment-row.js';
import { sharedTripleId } from '../../shared/domain/scoring.js';
import { RowCompactor } from '../../shared/domain/compact-rows.js';
import { jsonChunks } from '../../shared/domain/report/json-chunks.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { answers } from '../support/fixtures.js';
import { historyOf, reportAssessments, reportInput, rowOf, stored } from '../support/report-input.js';

/** Rows as the document client gives them: every value a copy of its own. */
const asRead = () => reportAssessments().map((a) => JSON.parse(JSON.stringify(rowOf(a))) as ReturnType<typeof rowOf>);
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A service's pre (one `no`) and post (all `yes`) as read, described alike; `over` changes the post. */
function prePost(serviceId: string, over: Parameters<typeof stored>[2] = {}) {
  const pre = rowOf(
    stored(`${serviceId}-pre`, '2026-02-01T00:00:00.000Z', {
      serviceId,
      phase: 'pre',
      assessedOn: '2026-01-15',
      answers: answers({ 'SD-G1': 'no' }),
    }),
  );
  const post = rowOf(
    stored(`${serviceId}-post`, '2026-08-02T00:00:00.000Z', {
      serviceId,
      phase: 'post',
      assessedOn: '2026-08-01',
      answers: answers(),
      ...over,
    }),
  );
  return [copy(pre), copy(post)] as const;
}

describe('compacted rows', () => {
  it('are equal to the rows read, with their keys in the same order', () => {
    const c = new RowCompactor();
    for (const row of asRead()) expect(JSON.stringify(c.compact(row))).toBe(JSON.stringify(row));
    const withMeasures = { ...asRead()[0]!, indicatorCatalogVersion: '2026-10', measures: { processSteps: 9, wcagLevel: 'AA' } };
    expect(c.compact(withMeasures)).toStrictEqual(withMeasures);
  });

  it('share what rows hold alike, frozen', () => {
    const c = new RowCompactor();
    const [a, b] = [asRead()[0]!, asRead()[0]!].map((r) => c.compact(r));
    expect(a).not.toBe(b);
    expect(a!.bands.all).toBe(b!.bands.all);
    expect(a!.scores.SD).toBe(b!.scores.SD);
    expect(a!.unmet).toBe(b!.unmet);
    expect(a!.service.targetGroups).toBe(b!.service.targetGroups);
    expect(Object.isFrozen(a!.bands.all)).toBe(true);
    expect(Object.isFrozen(a!.service.targetGroups)).toBe(true);
    expect(() => (a!.unmet as string[]).push('SD-G1')).toThrow(TypeError);
  });

  it("share a service's descriptor and identifier between its rows that describe it alike, frozen", () => {
    const c = new RowCompactor();
    const [pre, post] = prePost('vergunning');
    const [a, b] = [c.compact(pre), c.compact(post)];
    expect(a).toStrictEqual(pre);
    expect(b).toStrictEqual(post);
    expect(b.service).toBe(a.service);
    // The store may give a map's keys in another order: kept as read.
    const [x, y] = prePost('subsidie').map((r) => ({
      ...r,
      service: Object.fromEntries(Object.entries(r.service).reverse()) as typeof r.service,
    }));
    expect(JSON.stringify([c.compact(x!), c.compact(y!)])).toBe(JSON.stringify([x, y]));
    expect(Object.isFrozen(a.service)).toBe(true);
    expect(() => {
      (b.service as { name: string }).name = 'changed through the post';
    }).toThrow(TypeError);
    expect(a.service.name).toBe(pre.service.name);
  });

  it('keep a descriptor of its own for a row that describes its service otherwise, and for another service', () => {
    const c = new RowCompactor();
    const [pre, post] = prePost('vergunning', {
      service: { name: 'Omgevingsvergunning', targetGroups: ['burgers'], eloketten: ['mijn-burgerprofiel'], goLiveOn: '2026-09-01' },
    });
    const [other] = prePost('subsidie');
    const [a, b, o] = [c.compact(pre), c.compact(post), c.compact(other)];
    expect(b).toStrictEqual(post);
    expect(b.service).not.toBe(a.service);
    expect(Object.isFrozen(b.service)).toBe(true);
    // Described alike but another service: not shared, so what is kept per service stays per service.
    expect(o.service).toStrictEqual(a.service);
    expect(o.service).not.toBe(a.service);
  });

  it('share whole score and band tables, frozen', () => {
    const c = new RowCompactor();
    const [x, y] = [prePost('a')[1], prePost('b')[1]].map((r) => c.compact(r));
    expect(x!.scores).toBe(y!.scores);
    expect(x!.bands).toBe(y!.bands);
    expect(Object.isFrozen(x!.scores)).toBe(true);
    expect(() => {
      (x!.bands as Record<string, unknown>).SD = null;
    }).toThrow(TypeError);
  });

  it('share the triples of rows read from the store with answers all their own (more patterns than rowScores keeps)', () => {
    // 5,000 distinct answer patterns, each row scored from its letters as the store's reader does.
    const letters = (i: number) => [...i.toString(3).padStart(52, '0')].map((d) => 'yn-'[Number(d)]).join('');
    const base = reportAssessments().map(rowOf)[0]!;
    const read = Array.from({ length: 5000 }, (_, i) => {
      const r = { ...base, assessmentId: `a${i}`, answerCodes: letters(i * 7919) };
      return { ...r, ...rowScores(r) };
    });
    const rows = new RowCompactor();
    const compacted = read.map((r) => rows.compact(r));
    compacted.forEach((c, i) => expect(c).toEqual(read[i]));
    const triples = new Set(compacted.flatMap((c) => [...Object.values(c.scores), ...Object.values(c.bands)]));
    const asRead = new Set(read.flatMap((r) => [...Object.values(r.scores), ...Object.values(r.bands)]));
    // One object per distinct triple, of scores and of bands: the scoring shares them (scoring.ts), the compactor keeps them.
    const distinct = (kind: 'scores' | 'bands') => new Set(read.flatMap((r) => Object.values(r[kind]).map((t) => JSON.stringify(t)))).size;
    expect(distinct('scores')).toBeGreaterThan(100);
    expect(asRead.size).toBe(distinct('scores') + distinct('bands'));
    expect([...triples].every((t) => asRead.has(t))).toBe(true);
    // The very objects the scoring made: a table of shared triples is keyed by their numbers, not copied.
    compacted.forEach((c, i) => {
      for (const p of Object.keys(c.scores) as Array<keyof typeof c.scores>) {
        expect(c.scores[p]).toBe(read[i]!.scores[p]);
        expect(c.bands[p]).toBe(read[i]!.bands[p]);
      }
    });
  });

  it("take a table whose triples are not all the scoring's own the slow way, equal, its triples shared by value", () => {
    const rows = new RowCompactor();
    const [pre] = prePost('eigen');
    // As if stored with its scores: a copy of SD's triple made elsewhere, the others the scoring's own.
    const copied = { ...pre!, scores: { ...pre!.scores, SD: JSON.parse(JSON.stringify(pre!.scores.SD)) as typeof pre.scores.SD } };
    expect(sharedTripleId(copied.scores.SD)).toBeUndefined();
    const out = rows.compact(copied);
    expect(out).toStrictEqual(copied);
    expect(sharedTripleId(out.scores.SD)).toBeUndefined();
    expect(Object.isFrozen(out.scores.SD)).toBe(true);
    // Another row with the same copied values gets the same (compactor's) triple.
    const again = rows.compact({ ...copied, assessmentId: 'x', scores: { ...copied.scores, SD: { ...copied.scores.SD } } });
    expect(again.scores.SD).toBe(out.scores.SD);
  });

  it('keep values as read beyond the bounded tables, still equal', () => {
    const c = new RowCompactor({ patterns: 1 });
    const [pre, post1] = prePost('a');
    const [, post2] = prePost('b');
    expect(pre.scores).not.toStrictEqual(post1.scores);
    const [p, q, r] = [c.compact(pre), c.compact(post1), c.compact(post2)];
    expect(q).toStrictEqual(post1);
    expect(r).toStrictEqual(post2);
    expect(p.scores).toStrictEqual(pre.scores);
    // The pre's table took the one place: the posts' tables are equal but not shared; their triples still are.
    expect(q.scores).not.toBe(r.scores);
    expect(q.scores.GC).toBe(r.scores.GC);
    expect(c.compact(copy(pre)).scores).toBe(p.scores);
  });

  it("are what the selection gives a service: its latest row's own frozen lists, not copies", () => {
    const c = new RowCompactor();
    const [pre, post] = prePost('vergunning').map((r) => c.compact(r));
    const [service] = selectAsOf('2026-09-30', [pre!, post!]).services;
    expect(service!.post).toBe(post);
    expect(service!.targetGroups).toBe(post!.service.targetGroups);
    expect(service!.eloketten).toBe(post!.service.eloketten);
    expect(() => (service!.targetGroups as string[]).push('ondernemers')).toThrow(TypeError);
  });

  it('give reports of the same bytes as the rows read', () => {
    for (const periodId of ['2026-Q3', '2026']) {
      const end = periodId === '2026' ? '2026-12-31' : '2026-09-30';
      const c = new RowCompactor();
      const compacted = asRead().map((r) => c.compact(r));
      const fromRead = buildReports(reportInput({ periodId }));
      const fromCompacted = buildReports({
        ...reportInput({ periodId, indicatorHistory: historyOf(compacted, end) }),
        selection: selectAsOf(end, compacted),
      });
      for (const audience of ['public', 'committee'] as const) {
        const [x, y] = [fromRead[audience], fromCompacted[audience]];
        expect([...jsonChunks(y.json)].join('')).toBe([...jsonChunks(x.json)].join(''));
        expect(reportPage(y)).toBe(reportPage(x));
        const files = (r: typeof x) => r.sections.flatMap((s) => s.files(r.page)).map((f) => [f.name, f.body]);
        expect(files(y)).toEqual(files(x));
      }
    }
  });
});
