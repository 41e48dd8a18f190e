/**
 * `npm run eval:redact`: runs the public redactor over the redaction corpus
 * (apps/server/src/modules/portal/redaction-corpus) and prints span-level precision and recall of
 * personal-data removal, the ordinary words it garbled and what leaked; then times name matching
 * with the dictionary against one alternation regex of the same names.
 */
import { corpusDictionary, CORPUS, scoreCorpus } from '../apps/server/src/modules/portal/redaction-corpus/index.js';
import { DEMO_USERS } from '../apps/server/src/db/seed/demo/org.js';
import { createRng } from '../apps/server/src/db/seed/demo/random.js';
import { NameDictionary } from '../apps/server/src/modules/portal/name-dictionary.js';
import { redact, redactionSpans } from '../apps/server/src/modules/portal/redact.js';
import { SURNAMES } from '../apps/server/src/modules/portal/redact-words.js';

const dictionary = corpusDictionary();
const started = performance.now();
const score = scoreCorpus((t) => redactionSpans(t, [], dictionary), (t) => redact(t, [], dictionary));
const firstPass = performance.now() - started;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`redaction corpus: ${score.texts} texts, ${score.goldSpans} spans of personal data, dictionary of ${dictionary.size} names`);
console.log(`  recall     ${pct(score.recall)}  (${score.recalled}/${score.goldSpans} spans removed)`);
console.log(`  precision  ${pct(score.precision)}  (${score.correct}/${score.predictedSpans} removed spans were personal data)`);
console.log(`  garbled ordinary words: ${score.garbled.length}${score.garbled.length ? ` — ${score.garbled.map((g) => `${g.source} "${g.word}"`).join(', ')}` : ''}`);
console.log(`  leaked: ${score.leaked.length}${score.leaked.length ? ` — ${score.leaked.map((l) => `${l.source} ${l.kind} "${l.word}"`).join(', ')}` : ''}`);
console.log(`  texts not exactly as expected: ${score.mismatches.length}`);
for (const m of score.mismatches) console.log(`    ${m.source}\n      expected ${m.expected}\n      actual   ${m.actual}`);

const holdout = scoreCorpus((t) => redactionSpans(t, [], dictionary), (t) => redact(t, [], dictionary), CORPUS.filter((c) => c.source.startsWith('holdout')));
console.log(`  of which the held-out texts (written after tuning): ${holdout.texts} texts, recall ${pct(holdout.recall)} (${holdout.recalled}/${holdout.goldSpans}), precision ${pct(holdout.precision)}, garbled ${holdout.garbled.length}`);

// Speed: the whole corpus again, warm; and the name lookup alone, dictionary against a regex.
const texts = CORPUS.map((c) => c.text);
let t0 = performance.now();
for (let round = 0; round < 5; round++) for (const t of texts) redact(t, [], dictionary);
const perText = (performance.now() - t0) / (5 * texts.length);
console.log(`\nspeed: first pass over the corpus ${firstPass.toFixed(0)} ms (loads jieba and its dictionary); warm ${perText.toFixed(3)} ms per text`);

console.log('name lookup alone (every position of every corpus text), dictionary vs one alternation regex of the same names:');
for (const size of [2_000, 20_000, 200_000]) {
  const names = syntheticNames(size);
  const d = NameDictionary.of(names);
  t0 = performance.now();
  let hits = 0;
  for (let round = 0; round < 5; round++) for (const t of texts) for (let i = 0; i < t.length; i++) if (d.longestAt(t, i)) hits++;
  const dictMs = (performance.now() - t0) / (5 * texts.length);
  t0 = performance.now();
  const regex = new RegExp([...names].sort((a, b) => b.length - a.length).join('|'), 'g');
  const compileMs = performance.now() - t0;
  t0 = performance.now();
  let regexHits = 0;
  for (let round = 0; round < 5; round++) for (const t of texts) regexHits += t.match(regex)?.length ?? 0;
  const regexMs = (performance.now() - t0) / (5 * texts.length);
  console.log(`  ${String(d.size).padStart(7)} names: dictionary ${(dictMs * 1000).toFixed(1)} µs per text (${hits / 5} candidates); regex ${(regexMs * 1000).toFixed(1)} µs per text (${regexHits / 5} matches) + ${compileMs.toFixed(0)} ms to compile`);
}

/** `count` distinct names: the corpus's dictionary, then surnames × given characters of a real registry's variety. */
function syntheticNames(count: number): Set<string> {
  const out = new Set<string>([...DEMO_USERS.map((u) => u.name)]);
  const given = '建国华明强伟军平芳敏静丽英秀兰桂花梅春燕红玉凤霞娟萍琴志文武德福生根水金林海波涛雪冬云飞鹏杰俊宇航家乐思琪雨欣佳怡晓东小'.split('');
  const surnames = [...SURNAMES];
  const rng = createRng(7);
  while (out.size < count) {
    const g = rng.chance(0.2) ? rng.pick(given) : rng.pick(given) + rng.pick(given);
    out.add(rng.pick(surnames) + g);
  }
  return out;
}
