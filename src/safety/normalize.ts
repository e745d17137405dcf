/**
 * Brings chat text to one plain form before crisis patterns are matched: lower case, no accents, common slang,
 * abbreviations and misspellings spelled out, emoji that carry meaning turned into words.
 */

const emoji: ReadonlyArray<[RegExp, string]> = [
  [/🔪|🗡️?/gu, ' knife '],
  [/💊/gu, ' pills '],
  [/🪦|⚰️?/gu, ' grave '],
  [/🩸/gu, ' blood '],
  [/🪢/gu, ' rope '],
  [/🔫/gu, ' gun '],
];

/** Whole-word replacements, applied in order to text that is already lower case and free of accents. */
const words: ReadonlyArray<[RegExp, string]> = [
  [/\bk+m+s+\b/g, 'kill myself'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bun-?aliv\w*/g, 'unalive'],
  [/\bsh(['’]?d|['’]?ing|['’]?ed)?\b(?=.*\b(urge|urges|again|tonight|deep|cut|blade|razor)\b)/g, 'self harm'],
  [/\bctb\b/g, 'end my life'],
  [/\bsewer ?slide\b/g, 'suicide'],
  [/\bs+u+[i1y]*[cs]+[i1y]*d\w*/g, 'suicide'],
  [/\bsui\b/g, 'suicide'],
  [/\bo\.?d\.?(['’]?(d|ed|ing|in))?\b/g, 'overdose'],
  [/\bover ?dos(e|ed|ing|d|in)?\b/g, 'overdose'],
  [/\boverdosd\b/g, 'overdose'],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\bcant\b|\bcan['’]?t\b|\bcannot\b/g, 'can not'],
  [/\bwont\b|\bwon['’]t\b/g, 'will not'],
  [/\bdont\b|\bdon['’]t\b/g, 'do not'],
  [/\bdoesnt\b|\bdoesn['’]t\b/g, 'does not'],
  [/\bdidnt\b|\bdidn['’]t\b/g, 'did not'],
  [/\bisnt\b|\bisn['’]t\b/g, 'is not'],
  [/\barent\b|\baren['’]t\b/g, 'are not'],
  [/\bwasnt\b|\bwasn['’]t\b/g, 'was not'],
  [/\bi['’]?m\b|\bim\b/g, 'i am'],
  [/\bi['’]?ve\b|\bive\b/g, 'i have'],
  [/\bi['’]?ll\b/g, 'i will'],
  [/\bi['’]?d\b/g, 'i would'],
  [/\b(he|she|it|that|there|what)['’]s\b/g, '$1 is'],
  [/\b(he|she|they)['’]ll\b/g, '$1 will'],
  [/\b(he|she|they)['’]d\b/g, '$1 would'],
  [/\b(there|that|it)['’]?s\b/g, '$1 is'],
  [/\bgona\b/g, 'going to'],
  [/\btnite\b|\btonite\b/g, 'tonight'],
  [/\bcuttin\b/g, 'cutting'],
  [/\bbc\b/g, 'because'],
  [/\brn\b/g, 'right now'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bw\/o\b/g, 'without'],
  [/\bbc\b|\bcuz\b|\bcos\b/g, 'because'],
  [/\bmyslef\b|\bmysefl\b|\bmyelf\b|\bmy self\b/g, 'myself'],
  [/\bki+l+\b/g, 'kill'],
  [/\bki+l+i+n+g?\b/g, 'killing'],
  [/\bd+i+e+\b/g, 'die'],
  [/\bbreathin\b/g, 'breathing'],
  [/\bnobody\b|\bno one\b|\bnoone\b/g, 'no one'],
  [/\bxq\b|\bpq\b|\bporq\b/g, 'porque'],
  [/\bq\b/g, 'que'],
  [/\bmatarm+e\b/g, 'matarme'],
];

export function normalizeForSafety(text: string): string {
  let t = text.normalize('NFKC');
  for (const [re, replacement] of emoji) t = t.replace(re, replacement);
  t = t
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    // Letters stretched for emphasis ("sooooo", "diiiie") lose their extra copies.
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
  t = t.replace(/[^\p{L}\p{N}'\s/.]/gu, ' ').replace(/\.(?!\w)/g, ' . ');
  for (const [re, replacement] of words) t = t.replace(re, replacement);
  return t.replace(/\s+/g, ' ').trim();
}
