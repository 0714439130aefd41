// The site search: a query in, the sections that answer it out, best first. Loaded by search.js when the
// search opens; the index is Pagefind's (one record per section, built by overrides/hooks/pagefind_index.py).
//
// Each term of the query (search-query.mjs) is looked up on its own, and a section's score adds up what
// Pagefind gives it for each term (BM25, with headings weighted above body text). Then:
//   coverage: the share of the query's words that the section holds (by their characters, weighted by
//     their role), squared, so that a section holding all of 「使わなかった時間」 beats one with only 時間;
//   phrase: words found as typed (neighbouring terms next to each other, or a few characters apart);
//   heading: among the best CANDIDATES, how much of the section's heading the query is, and how much of the
//     query its heading holds (synonyms included: 「社労士」 is in 「社会保険労務士の独占業務」);
//   definition: for 「〜とは」 a glossary entry counts double.
// Sections holding less than half the query are shown only when nothing holds more, as a partial match:
// an unknown word gives no result rather than sections that share a particle with it.

import { analyzeQuery } from "./search-query.mjs";
import { BODY_START, HEADING_END, isJapaneseTerm, tokenTexts } from "./search-text.mjs";

const MIN_COVERAGE = 0.5;
const PHRASE_BONUS = 1.5;
const DEFINITION_BONUS = 2;
const EXCERPT_LENGTH = 64;
const TITLE_BONUS = 1;
const HEADING_BONUS = 1;
const CANDIDATES = 20;

let ready = null;

// This file is assets/javascripts/site/ in the built site: the site root is three folders up.
const SITE_ROOT = new URL("../../../", import.meta.url);

/** Loads Pagefind once; later calls share it. */
export function load() {
  if (!ready) {
    ready = (async () => {
      const pagefind = await import(new URL("pagefind/pagefind.js", SITE_ROOT).href);
      // Headings are weighted in the content itself; the metadata (title, page) holds display text only.
      await pagefind.options({ ranking: { metaWeights: { title: 0, page: 0, section: 0 } } });
      const definitions = await pagefind.search(null, { filters: { kind: "definition" } });
      return {
        pagefind,
        definitions: new Set(definitions.results.map((r) => r.id)),
      };
    })();
    ready.catch(() => { ready = null; });
  }
  return ready;
}

const ROLE_WEIGHT = { key: 1, light: 0.5, optional: 0 };
const NEAR = 2;

function has(positions, term, at) { const set = positions.get(term); return Boolean(set && set.has(at)); }

// How much of the query a section holds: each word's share of its characters that the section's terms
// cover (「法律相談」 is all there in 「法律の相談」, though 律相 is not), weighted by the word's role.
function coverage(words, positions) {
  let held = 0;
  let total = 0;
  for (const word of words) {
    const weight = ROLE_WEIGHT[word.role];
    const covered = new Set();
    for (const entry of word.terms) {
      if (!positions.has(entry.term)) { continue; }
      covered.add(entry.at);
      if (word.size > 1) { covered.add(entry.at + 1); }
    }
    total += weight;
    held += weight * Math.min(1, covered.size / word.size);
  }
  return total ? held / total : 0;
}

// Whether `b` is found `gap` positions after `a` (1), a few more (NEAR: 0.5), or not (0).
function distance(positions, a, b, gap) {
  const from = positions.get(a);
  const to = positions.get(b);
  if (!from || !to) { return 0; }
  let best = 0;
  for (const p of from) {
    if (to.has(p + gap)) { return 1; }
    for (let extra = 1; extra <= NEAR; extra++) { if (to.has(p + gap + extra)) { best = 0.5; } }
  }
  return best;
}

// How much of the query the section holds as typed: neighbouring terms of a word found next to each
// other, and neighbouring words found next to each other; a few characters apart counts half
// (「メールの対応」 for 「メール対応」, 「法律の相談」 for 「法律相談」).
function phraseShare(words, positions) {
  let pairs = 0;
  let found = 0;
  words.forEach((word, index) => {
    const terms = word.terms;
    for (let i = 0; i + 1 < terms.length; i++) {
      pairs += 1;
      const exact = distance(positions, terms[i].term, terms[i + 1].term, 1) === 1;
      const apart = i + 2 < terms.length ? distance(positions, terms[i].term, terms[i + 2].term, 2) : 0;
      found += exact ? 1 : Math.min(apart, 0.5);
    }
    const next = words[index + 1];
    if (!next || next.chunk !== word.chunk) { return; }
    pairs += 1;
    const a = terms[terms.length - 1];
    found += distance(positions, a.term, next.terms[0].term, next.terms[0].at - a.at);
  });
  return pairs ? found / pairs : 0;
}

// Pagefind looks a word up by prefix and, when no indexed word starts with it, answers with the longest
// indexed word that it starts with: 「qzxqzx」 would find the 「Q」 of 「Q&A」. Japanese terms are closed
// against this in the index (search-text.mjs); a Latin or digit term is checked on its first result.
async function foundAsTyped(term, response) {
  const first = response && response.results[0];
  if (!first || isJapaneseTerm(term)) { return Boolean(first); }
  const data = await first.data();
  const word = data.content.split(" ")[first.words[0]] || "";
  return word.toLowerCase().replace(/[,.]/gu, "").startsWith(term);
}

/** Ranks the sections for a query: {analysis, ranked: [{id, score, coverage, positions, result}], partial}.
 * `partial` is true when no section holds half of the query: the ranked list is then the best of what
 * shares a word with it, for the page to say so. */
export async function rank(query) {
  const { pagefind, definitions } = await load();
  const analysis = analyzeQuery(query);
  if (!analysis.terms.length) { return { analysis, ranked: [], partial: false }; }
  const responses = await Promise.all(analysis.terms.map((term) => pagefind.search(term)));
  const found = await Promise.all(analysis.terms.map((term, index) => foundAsTyped(term, responses[index])));
  const sections = new Map();
  analysis.terms.forEach((term, index) => {
    for (const result of (found[index] ? responses[index].results : [])) {
      let entry = sections.get(result.id);
      if (!entry) {
        entry = { id: result.id, result, bm25: 0, positions: new Map() };
        sections.set(result.id, entry);
      }
      entry.bm25 += result.score;
      entry.positions.set(term, new Set(result.words));
    }
  });
  const scored = [];
  for (const entry of sections.values()) {
    entry.coverage = coverage(analysis.words, entry.positions);
    if (entry.coverage === 0) { continue; }
    entry.phrase = phraseShare(analysis.words, entry.positions);
    entry.score = entry.bm25 * entry.coverage * entry.coverage * (1 + PHRASE_BONUS * entry.phrase);
    if (analysis.definition && definitions.has(entry.id)) { entry.score *= DEFINITION_BONUS; }
    scored.push(entry);
  }
  scored.sort((a, b) => b.score - a.score);
  const full = scored.filter((entry) => entry.coverage >= MIN_COVERAGE);
  return full.length ? { analysis, ranked: full, partial: false } : { analysis, ranked: scored, partial: true };
}

// The positions of the shown characters that the hits cover (a bigram covers its next character too).
function marked(shown, hits) {
  const out = new Set();
  for (const p of hits) {
    if (p >= shown.length || !shown[p].text) { continue; }
    out.add(p);
    if (shown[p].pair && p + 1 < shown.length) { out.add(p + 1); }
  }
  return out;
}

/** How much of a section's heading the query accounts for, 0 to 1: 1 when the query is the heading. */
export function titleShare(content, hits) {
  const tokens = content.split(" ");
  const shown = tokenTexts(tokens);
  const end = tokens.indexOf(HEADING_END);
  const marks = marked(shown, hits);
  let chars = 0;
  let covered = 0;
  for (let p = 0; p < end; p++) {
    if (!shown[p].text.trim()) { continue; }
    chars += 1;
    if (marks.has(p)) { covered += 1; }
  }
  return chars ? covered / chars : 0;
}

/** The excerpt of a section's body around its hits: [{text, mark}], marks on the matched characters. */
export function excerpt(content, hits, length = EXCERPT_LENGTH) {
  const tokens = content.split(" ");
  const shown = tokenTexts(tokens);
  const start = tokens.indexOf(BODY_START) + 1;
  const marks = marked(shown, hits.filter((p) => p >= start));
  const visible = [];
  for (let p = start; p < tokens.length; p++) { if (shown[p].text) { visible.push(p); } }
  // Else the window of `length` characters with the most marked ones, opening a little before its first mark.
  let from = 0;
  let best = 0;
  for (let i = 0; i < visible.length; i++) {
    let count = 0;
    for (let j = i; j < Math.min(visible.length, i + length); j++) { if (marks.has(visible[j])) { count += 1; } }
    if (count > best) { best = count; from = i; }
    if (i + length >= visible.length) { break; }
  }
  // The guides answer first: when the opening of the body has a hit, the excerpt is the opening.
  const opening = visible.slice(0, length).some((p) => marks.has(p));
  if (opening) {
    from = 0;
  } else if (best > 0) {
    const first = visible.slice(from).findIndex((p) => marks.has(p));
    from = Math.max(0, Math.min(from + first - 12, visible.length - length));
  }
  const parts = [];
  if (from > 0) { parts.push({ text: "…", mark: false }); }
  for (const p of visible.slice(from, from + length)) {
    const mark = marks.has(p);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark && last.text !== "…") { last.text += shown[p].text; } else { parts.push({ text: shown[p].text, mark }); }
  }
  if (from + length < visible.length) { parts.push({ text: "…", mark: false }); }
  return parts.map((part) => ({ text: part.text.replace(/\s+/gu, " "), mark: part.mark }));
}

/** The site-relative link of a record: Pagefind's URL is its file (overrides/hooks/pagefind_index.py):
 * "/faq/" for a page, "/faq/fee-price.html" for its section #fee-price. */
export function link(url) {
  const path = url.replace(/^\//u, "");
  const match = /^(.*?)([^/]+)\.html$/u.exec(path);
  return match ? `${match[1]}#${match[2]}` : path;
}

// How much of the query the section's heading holds (its synonyms included), 0 to 1, counted as coverage
// counts the whole section: a question or heading that matches ranks above a long section that mentions the
// words in passing (「社労士」 finds 「社会保険労務士の独占業務」 before the glossary's list of professions).
export function headingCoverage(words, positions, content) {
  const end = content.split(" ").indexOf(HEADING_END);
  const inHeading = new Map();
  for (const [term, set] of positions) {
    const found = [...set].filter((p) => p < end);
    if (found.length) { inHeading.set(term, new Set(found)); }
  }
  return coverage(words, inHeading);
}

function hitsOf(entry) { return [...entry.positions.values()].flatMap((set) => [...set]); }

/** The search as the page shows it: the best `limit` sections with title, page, link and excerpt.
 * The best CANDIDATES are ranked once more by how much of their heading the query is (「見積もり」 finds
 * the glossary's 見積もり before 「見積もりから契約まで」) and how much of the query their heading holds. */
export async function search(query, limit = 10) {
  const { analysis, ranked, partial } = await rank(query);
  const pool = ranked.slice(0, CANDIDATES);
  const fragments = await Promise.all(pool.map((entry) => entry.result.data()));
  pool.forEach((entry, index) => {
    entry.data = fragments[index];
    entry.title = titleShare(entry.data.content, hitsOf(entry));
    entry.heading = headingCoverage(analysis.words, entry.positions, entry.data.content);
    entry.score *= (1 + TITLE_BONUS * entry.title) * (1 + HEADING_BONUS * entry.heading);
  });
  pool.sort((a, b) => b.score - a.score);
  return {
    query: analysis.text,
    definition: analysis.definition,
    partial,
    results: pool.slice(0, limit).map((entry) => {
      const data = entry.data;
      return {
        url: link(data.raw_url || data.url),
        title: data.meta.title,
        page: data.meta.page,
        section: data.meta.section || "",
        kind: (data.filters.kind || [])[0] || "section",
        excerpt: excerpt(data.content, hitsOf(entry)),
        score: entry.score,
      };
    }),
  };
}
