// Japanese text as the site search sees it: one module, run by Node when the index is built
// (overrides/hooks/pagefind_index.py) and by the browser when someone searches (search-query.mjs,
// search-engine.mjs), so the index and the query are always cut into the same terms.
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

/** The text with letters, digits and kana in their standard forms (NFKC: ３０→30, ＢＰＯ→BPO, ｶﾅ→カナ);
 * punctuation keeps its own form, so an excerpt reads as the page does. */
export function normalize(text) {
  return String(text)
    .replace(/[¶§⟦⟧]/gu, " ")
    .replace(/[\p{L}\p{N}\p{M}]+/gu, (run) => run.normalize("NFKC"));
}

/** The term of one or two characters: "ｘ" + the hex of their UTF-16 code units. */
export function term(chars) {
  let hex = "";
  for (const ch of chars.join("")) {
    for (let i = 0; i < ch.length; i++) { hex += ch.charCodeAt(i).toString(16).padStart(4, "0"); }
  }
  return TERM_MARK + hex;
}

/** Whether a token or query term is a Japanese term (ｘ + hex) rather than a Latin or digit word. */
export function isJapaneseTerm(token) {
  return token.startsWith(TERM_MARK) && token.length > 1;
}

function kind(ch) {
  if (CJK.test(ch)) { return "cjk"; }
  if (WORD.test(ch)) { return "word"; }
  if (/\s/u.test(ch)) { return "space"; }
  return "other";
}

/** Runs of one kind: [{kind, chars}]; digits keep their group separators ("3,500", "1.5"). */
export function runs(text) {
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
    if (isJapaneseTerm(token)) {
      const chars = decodeTerm(token);
      return { text: chars[0] || "", pair: chars.length === 2 };
    }
    return { text: token, pair: false };
  });
}

/** The terms of a run of Japanese characters as a query cuts it: its pairs, or the one character. */
export function cjkTerms(chars) {
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

function stem(word) {
  if (HIRAGANA.test(word)) { return word; }
  const stemmed = word.replace(TRAILING_HIRAGANA, "");
  return Array.from(stemmed).length >= 2 ? stemmed : word;
}
