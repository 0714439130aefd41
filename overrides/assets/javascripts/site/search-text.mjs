// Japanese text as the site search sees it: one module, run by Node when the index is built
// (overrides/hooks/pagefind_index.py) and by the browser when someone searches (search-engine.mjs), so the
// index and the query are always cut into the same terms.
//
// Why bigrams: Japanese has no spaces, and a dictionary segmenter cuts inflected words differently in
// different places (「使わなかった」 and 「使い切れない」 share no word; the browser's segmenter even cuts
// 「繰り越せ」 into four pieces). Every pair of neighbouring Japanese characters is a term instead ("CJK
// bigrams", as Lucene's CJKAnalyzer does), so any part of a word typed in any form finds the same text,
// and terms found next to each other mark a phrase.
//
// Why the terms are spelled in hex: Pagefind cuts a Japanese query with the browser's segmenter and folds
// voiced kana (が→か) before looking it up. A term spelled "ｘ" + the hex of its characters' UTF-16 code
// units ("時間" → "ｘ66429593") is one plain word to Pagefind, matched exactly, whatever its version does
// with Japanese. "ｘ" is the full-width x, which never survives normalizing, so no page word looks like a term.
//
// The indexed content is one token per character, so the excerpt can be read back from it:
//   Japanese character: the term of it and the next character, or of itself + "z" at the end of a run;
//   run of Latin letters or digits: the run itself ("BPO", "40", "3,500");
//   space: "_" (a literal "_" is "__"); other punctuation: itself;
//   "¶": the end of the heading (with its synonyms); "§": the start of the body (after the headings above);
//   "⟦" … "⟧": synonyms from estimator/data/search.toml, indexed but never shown.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const WORD = /[\p{L}\p{N}]/u;
const HIRAGANA = /^\p{Script=Hiragana}+$/u;
const TRAILING_HIRAGANA = /\p{Script=Hiragana}+$/u;
const TERM_MARK = "ｘ";
const UNIGRAM_END = "z";
export const HEADING_END = "¶";
export const BODY_START = "§";
export const SYNONYMS_START = "⟦";
export const SYNONYMS_END = "⟧";

// Question endings and the 「とは」 of a definition: they say what is asked, not what it is about.
const DEFINITION_ENDING = /(?:とは(?:何|なに|なん)?(?:ですか|でしょうか)?|って(?:何|なに|なん)(?:ですか|でしょうか)?|の意味(?:は)?|意味)$/u;
const QUESTION_ENDINGS = [
  /(?:について|に関して|を|は)?(?:教えて|知りたい)(?:ください|下さい)?$/u,
  /(?:について|に関して)$/u,
  /(?:でしょうか|ですか|ますか|ませんか)$/u,
];

/** The text with letters, digits and kana in their standard forms (NFKC: ３０→30, ＢＰＯ→BPO, ｶﾅ→カナ);
 * punctuation keeps its own form, so an excerpt reads as the page does. */
export function normalize(text) {
  return String(text)
    .replace(/[¶§⟦⟧]/gu, " ")
    .replace(/[\p{L}\p{N}\p{M}]+/gu, (run) => run.normalize("NFKC"));
}

function term(chars) {
  let hex = "";
  for (const ch of chars.join("")) {
    for (let i = 0; i < ch.length; i++) { hex += ch.charCodeAt(i).toString(16).padStart(4, "0"); }
  }
  return TERM_MARK + hex;
}

function kind(ch) {
  if (CJK.test(ch)) { return "cjk"; }
  if (WORD.test(ch)) { return "word"; }
  if (/\s/u.test(ch)) { return "space"; }
  return "other";
}

/** Runs of one kind: [{kind, chars}]; digits keep their group separators ("3,500", "1.5"). */
function runs(text) {
  const chars = Array.from(normalize(text));
  const out = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    let k = kind(ch);
    const last = out[out.length - 1];
    if (k === "other" && (ch === "," || ch === ".") && last && last.kind === "word" &&
        /\d$/u.test(last.chars[last.chars.length - 1]) && /\d/u.test(chars[i + 1] || "")) {
      k = "word";
    }
    if (last && last.kind === k && k !== "other") {
      last.chars.push(ch);
    } else {
      out.push({ kind: k, chars: [ch] });
    }
  }
  return out;
}

/** The indexed tokens of a text, one per character or per Latin/digit run (see the top of this file). */
export function contentTokens(text) {
  const tokens = [];
  for (const run of runs(text)) {
    if (run.kind === "cjk") {
      // The last character of a run is a term of its own, closed with "z" (not a hex digit): Pagefind looks
      // a term up by prefix and, when nothing starts with it, falls back to the longest word that is a
      // prefix of it, so an unclosed 「ほ」 would answer a query for 「ほげ」.
      run.chars.forEach((ch, i) => tokens.push(term(run.chars.slice(i, i + 2)) + (i + 1 < run.chars.length ? "" : UNIGRAM_END)));
    } else if (run.kind === "word") {
      tokens.push(run.chars.join(""));
    } else if (run.kind === "space") {
      tokens.push("_");
    } else {
      for (const ch of run.chars) { tokens.push(ch === "_" ? "__" : ch); }
    }
  }
  return tokens;
}

/** The tokens of synonyms: their terms between the two marks, indexed but never shown. */
export function synonymTokens(words) {
  const terms = words.flatMap((word) => searchTerms(word)).map((t) => (/^ｘ[0-9a-f]{4}$/u.test(t) ? t + UNIGRAM_END : t));
  return terms.length ? [SYNONYMS_START, ...terms, SYNONYMS_END] : [];
}

function decodeTerm(token) {
  let units = "";
  for (let i = 1; i + 4 <= token.length; i += 4) { units += String.fromCharCode(parseInt(token.slice(i, i + 4), 16)); }
  return Array.from(units);
}

/** What an excerpt shows for each token: its first character for a Japanese term, "" for the marks and
 * the synonyms; and whether a hit on it covers the next token's character too (a bigram). */
export function tokenTexts(tokens) {
  let synonym = false;
  return tokens.map((token) => {
    if (token === SYNONYMS_START) { synonym = true; return { text: "", pair: false }; }
    if (token === SYNONYMS_END) { synonym = false; return { text: "", pair: false }; }
    if (synonym || token === BODY_START || token === HEADING_END) { return { text: "", pair: false }; }
    if (token === "_") { return { text: " ", pair: false }; }
    if (token === "__") { return { text: "_", pair: false }; }
    if (token.startsWith(TERM_MARK) && token.length > 1) {
      const chars = decodeTerm(token);
      return { text: chars[0] || "", pair: chars.length === 2 };
    }
    return { text: token, pair: false };
  });
}

function cjkTerms(chars) {
  if (chars.length === 1) { return [term(chars)]; }
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) { out.push(term(chars.slice(i, i + 2))); }
  return out;
}

/** The terms of a text, in order: Japanese bigrams (a lone character stays one term), Latin and digit
 * runs whole, lower-cased and without group separators (as Pagefind indexes "3,500": 3500). */
export function searchTerms(text) {
  const terms = [];
  for (const run of runs(text)) {
    if (run.kind === "cjk") {
      terms.push(...cjkTerms(run.chars));
    } else if (run.kind === "word") {
      terms.push(run.chars.join("").replace(/[,.]/g, "").toLowerCase());
    }
  }
  return terms;
}

// Particles and interrogatives: they shape a question but do not say what it is about.
const PARTICLES = ["から", "まで", "より", "など", "だけ", "って", "には", "では", "とは", "にも", "でも", "への", "との",
  "ので", "のに", "は", "が", "を", "に", "の", "で", "と", "も", "へ", "や", "か"];
const INTERROGATIVES = /^(?:いつ|どこ|どれ|どの|どう|どんな|だれ|いくら|いくつ|なぜ|どのくらい|どれくらい|どっち|どちら)/u;
const HAN = /[\p{Script=Han}々〆ヶ]/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;

function script(ch) {
  if (HAN.test(ch)) { return "han"; }
  if (KATAKANA.test(ch)) { return "kata"; }
  return "hira";
}

function particleAt(chars, i) {
  return PARTICLES.find((p) => chars.slice(i, i + p.length).join("") === p) || "";
}

/** The words of a run of Japanese characters as a query means them: [{chars, at, role}], role "key" for
 * what the query is about, "light" for a single kanji or a kana word (half the weight), "optional" for
 * particles, okurigana, endings and interrogatives (they rank, but a section need not hold them).
 * A short kana between two kanji stays inside the word (問い合わせ, 支払い方法), unless it is a particle. */
function runWords(chars, start, wholeQueryKana) {
  const parts = [];
  for (let i = 0; i < chars.length; i++) {
    const kind = script(chars[i]);
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) { last.chars.push(chars[i]); } else { parts.push({ kind, chars: [chars[i]], at: start + i }); }
  }
  if (wholeQueryKana) { return [{ chars, at: start, role: "key" }]; }
  // Okurigana inside a word: kanji + up to two kana (not a particle) + kanji.
  for (let i = 1; i + 1 < parts.length; i++) {
    const kana = parts[i].chars.join("");
    if (parts[i].kind === "hira" && parts[i - 1].kind === "han" && parts[i + 1].kind === "han" &&
        kana.length <= 2 && !PARTICLES.includes(kana)) {
      parts[i - 1].chars.push(...parts[i].chars, ...parts[i + 1].chars);
      parts.splice(i, 2);
      i -= 1;
    }
  }
  // 「決め方」「作り方」: the 方 of "how to" says what is asked, the verb before it what it is about.
  for (let i = 0; i < parts.length; i++) {
    const chars = parts[i].chars;
    if (parts[i].kind === "han" && chars.length >= 3 && chars[chars.length - 1] === "方" &&
        script(chars[chars.length - 2]) === "hira") {
      parts.splice(i + 1, 0, { kind: "how", chars: ["方"], at: parts[i].at + chars.length - 1 });
      chars.pop();
      i += 1;
    }
  }
  const words = [];
  parts.forEach((part, index) => {
    const text = part.chars.join("");
    if (part.kind === "how") { words.push({ chars: part.chars, at: part.at, role: "optional" }); return; }
    if (part.kind !== "hira") {
      // 「最低何時間」: the interrogative part is split off.
      const what = part.kind === "han" ? text.indexOf("何") : -1;
      if (what > 0) {
        words.push({ chars: part.chars.slice(0, what), at: part.at, role: what === 1 ? "light" : "key" });
        words.push({ chars: part.chars.slice(what), at: part.at + what, role: "optional" });
      } else {
        words.push({ chars: part.chars, at: part.at, role: what === 0 ? "optional" : part.chars.length === 1 ? "light" : "key" });
      }
      return;
    }
    if (INTERROGATIVES.test(text)) { words.push({ chars: part.chars, at: part.at, role: "optional" }); return; }
    if (index === 0) { words.push({ chars: part.chars, at: part.at, role: part.chars.length >= 3 ? "light" : "optional" }); return; }
    // Kana after a word: okurigana and endings, unless a particle opens it and a kana word follows.
    const particle = particleAt(part.chars, 0);
    const rest = part.chars.slice(particle.length);
    if (particle && rest.length >= 3 && !INTERROGATIVES.test(rest.join(""))) {
      // A kana word (「やめられる」): its first two characters stand for it, the rest is its ending.
      const at = part.at + particle.length;
      words.push({ chars: part.chars.slice(0, particle.length), at: part.at, role: "optional" });
      words.push({ chars: rest.slice(0, 2), at, role: "light" });
      words.push({ chars: rest.slice(2), at: at + 2, role: "optional" });
    } else {
      words.push({ chars: part.chars, at: part.at, role: "optional" });
    }
  });
  return words;
}

/** A query as typed: {text, definition, words, terms}. `words` are what the query is about, each with
 * its terms at the positions they have in the index relative to the start of their chunk (so that terms
 * found at those distances are the words as typed) and its role (runWords). `terms` are every term to look
 * up, including the pairs that bridge two words (「使わ」 of 使わなかった). `definition` says it asks what a
 * word means (「業務委託とは」, 「BPOって何」). */
export function analyzeQuery(query) {
  let text = normalize(query).trim().replace(/[?？!！。、.]+$/u, "").trim();
  let definition = false;
  const bare = text.replace(DEFINITION_ENDING, "").trim();
  if (bare && bare !== text) {
    definition = true;
    text = bare;
  }
  for (const ending of QUESTION_ENDINGS) {
    const shorter = text.replace(ending, "").trim();
    if (shorter) { text = shorter; }
  }
  const allKana = !/[\p{Script=Han}\p{Script=Katakana}\p{L}\p{N}]/u.test(text.replace(/\p{Script=Hiragana}/gu, ""));
  const words = [];
  const bridges = [];
  text.split(/\s+/u).forEach((chunk, chunkIndex) => {
    let at = 0;
    for (const run of runs(chunk)) {
      if (run.kind === "cjk") {
        const found = runWords(run.chars, at, allKana);
        for (let i = 0; i < found.length; i++) {
          const word = found[i];
          words.push({ chunk: chunkIndex, role: word.role, size: word.chars.length,
            terms: cjkTerms(word.chars).map((t, k) => ({ term: t, at: word.at + k })) });
          const next = found[i + 1];
          if (next) { bridges.push(term([word.chars[word.chars.length - 1], next.chars[0]])); }
        }
        at += run.chars.length;
      } else if (run.kind === "word") {
        words.push({ chunk: chunkIndex, role: "key", size: 1, terms: [{ term: searchTerms(run.chars.join(""))[0], at }] });
        at += 1;
      } else {
        at += run.kind === "space" ? 1 : run.chars.length;
      }
    }
  });
  if (!words.some((word) => word.role !== "optional")) { words.forEach((word) => { word.role = "key"; }); }
  const terms = [...new Set([...words.flatMap((word) => word.terms.map((entry) => entry.term)), ...bridges])];
  return { text, definition, words, terms };
}

/** The words of the synonym groups (estimator/data/search.toml) that a text touches but does not contain.
 * A word is touched by its stem, without the trailing okurigana (「繰り越し」 by 繰り越せます), when at
 * least two characters remain. */
export function synonymsFor(text, groups) {
  const plain = normalize(text).toLowerCase();
  const added = [];
  for (const group of groups) {
    const words = group.map((word) => normalize(word).toLowerCase());
    if (words.some((word) => plain.includes(stem(word)))) {
      added.push(...words.filter((word) => !plain.includes(word)));
    }
  }
  return [...new Set(added)];
}

export function stem(word) {
  if (HIRAGANA.test(word)) { return word; }
  const stemmed = word.replace(TRAILING_HIRAGANA, "");
  return Array.from(stemmed).length >= 2 ? stemmed : word;
}
