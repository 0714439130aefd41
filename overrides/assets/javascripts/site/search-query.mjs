// A query as typed, read as words: what it is about ("key", "light") and what only shapes it ("optional":
// particles, okurigana, endings, interrogatives). Cut into terms by search-text.mjs, as the index was;
// ranked by search-engine.mjs.

import { cjkTerms, normalize, runs, searchTerms, term } from "./search-text.mjs";

// Question endings and the 「とは」 of a definition: they say what is asked, not what it is about.
const DEFINITION_ENDING = /(?:とは(?:何|なに|なん)?(?:ですか|でしょうか)?|って(?:何|なに|なん)(?:ですか|でしょうか)?|の意味(?:は)?|意味)$/u;
const QUESTION_ENDINGS = [
  /(?:について|に関して|を|は)?(?:教えて|知りたい)(?:ください|下さい)?$/u,
  /(?:について|に関して)$/u,
  /(?:でしょうか|ですか|ますか|ませんか)$/u,
];

// Particles and interrogatives: they shape a question but do not say what it is about.
const PARTICLES = ["から", "まで", "より", "など", "だけ", "って", "には", "では", "とは", "にも", "でも", "への", "との",
  "ので", "のに", "は", "が", "を", "に", "の", "で", "と", "も", "へ", "や", "か"];
const INTERROGATIVES = /^(?:いつ|どこ|どれ|どの|どう|どんな|だれ|いくら|いくつ|なぜ|どのくらい|どれくらい|どっち|どちら)/u;
// 「何を頼める」 and 「どんな業務を頼めますか」 ask the same thing: a query that asks "what" with one of these
// also looks up the others. Like every interrogative they only rank; a section need not hold them.
const WHAT = ["何", "どんな", "どのような"];
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
 * up, including the pairs that bridge two words (「使わ」 of 使わなかった) and, for a query that asks "what", the
 * other words for it (WHAT). `definition` says it asks what a
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
          words.push({ chunk: chunkIndex, role: word.role, size: word.chars.length, text: word.chars.join(""),
            terms: cjkTerms(word.chars).map((t, k) => ({ term: t, at: word.at + k })) });
          const next = found[i + 1];
          if (next) { bridges.push(term([word.chars[word.chars.length - 1], next.chars[0]])); }
        }
        at += run.chars.length;
      } else if (run.kind === "word") {
        words.push({ chunk: chunkIndex, role: "key", size: 1, text: run.chars.join(""), terms: [{ term: searchTerms(run.chars.join(""))[0], at }] });
        at += 1;
      } else {
        at += run.kind === "space" ? 1 : run.chars.length;
      }
    }
  });
  if (!words.some((word) => word.role !== "optional")) { words.forEach((word) => { word.role = "key"; }); }
  const asksWhat = words.some((word) => WHAT.includes(word.text));
  const alternatives = asksWhat ? WHAT.flatMap((word) => cjkTerms(Array.from(word))) : [];
  const terms = [...new Set([...words.flatMap((word) => word.terms.map((entry) => entry.term)), ...bridges, ...alternatives])];
  return { text, definition, words, terms };
}

