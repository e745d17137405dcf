/**
 * Brings chat text to one plain form before crisis patterns are matched: lower case, no accents, leetspeak and
 * stretched letters undone, contractions written out (with or without the apostrophe), SMS slang, abbreviations
 * and common misspellings spelled out, emoji that carry meaning turned into words. Sentence ends (. ! ? ; new
 * line) become " . " so that the detector can read each sentence on its own; other punctuation becomes a space.
 */

const emoji: ReadonlyArray<[RegExp, string]> = [
  [/🔪|🗡️?/gu, ' knife '],
  [/💊/gu, ' pills '],
  [/🪦|⚰️?/gu, ' grave '],
  [/🩸/gu, ' blood '],
  [/🪢/gu, ' rope '],
  [/🔫/gu, ' gun '],
  [/💉/gu, ' needle '],
  // Laughter, so that hyperbole ("i want to die 😂") can be told from distress.
  [/😂|🤣|😹|😆|😅|🙃/gu, ' lol . '],
  // Line breaks and sentence ends.
  [/[\n\r!?;…¡¿]+/gu, ' . '],
];

/** Leetspeak inside a word that has letters on both sides of the digits ("su1c1dal", "k1ll", "d13"). */
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const leetWord = /\b[a-z]+[013457@$]+[a-z0-9@$]*\b/g;

/** Whole-word replacements, applied in order to text that is already lower case and free of accents. */
const words: ReadonlyArray<[RegExp, string]> = [
  // Possessive or "is" after a name or noun ("my mom's gonna", "friend's lips"): the 's goes.
  [/\b(he|she|it|that|there|what|who|where|everyone|everybody|someone|somebody|nobody)'s\b/g, '$1 is'],
  [/\b([a-z]+)'s\b/g, '$1'],
  // Suicide and self-harm words, misspelled, abbreviated or in code.
  [/\bk+m+s+(l+)?\b|\bkmy?s\b/g, 'kill myself'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bun-?a+l+i+v+\w*/g, 'unalive'],
  [/\bctb\b/g, 'end my life'],
  [/\bsewer ?slid\w*/g, 'suicide'],
  [/\bs+u+[i1y]*[cs]+[i1y]*d\w*/g, 'suicide'],
  [/\bsu[ie]?c[ie]?dal\b|\bsuic?idial\b|\bsuisid\w*/g, 'suicide'],
  [/\bsui\b/g, 'suicide'],
  [/\bself-?harm(ing|ed)?\b|\bs\/h\b/g, 'self harm$1'],
  [/\bsh(['’]?d|['’]?ing|['’]?ed)?\b(?=.*\b(urge|urges|again|tonight|deep|cut|cuts|blade|razor|relapse|relapsed|right now|rn|so bad|badly)\b)|(?<=\b(relapsed|relapse|relapsing) (on|with|into) )sh\b/g, 'self harm'],
  // Overdose, keeping the tense ("od'd" happened, "od-ing" is happening). Plain "odd" stays a word.
  [/\bo\.?d\.?\s?(['’-]\s?(d|ed)|ed)\b|\bover ?dos(ed|d)\b/g, 'overdosed'],
  [/\bo\.?d\.?\s?(['’-]\s?)?(ing|in)\b|\bover ?dosing\b|\bover ?dosin\b/g, 'overdosing'],
  [/\bo\.d\.?(?=\s|$)|\bod\b|\bover ?dose\b/g, 'overdose'],
  // Contractions, with or without the apostrophe.
  [/\bwanna\b|\bwana\b|\bwnna\b|\bwan2\b|\bwant2\b/g, 'want to'],
  [/\bgonna\b|\bgona\b|\bgunna\b|\bgnna\b|\bfinna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\btryna\b/g, 'trying to'],
  [/\bboutta\b|\bbout to\b|\babt to\b/g, 'about to'],
  [/\bi'?ma\b|\bimma\b/g, 'i am going to'],
  [/\bcant\b|\bcan't\b|\bcannot\b|\bcnt\b/g, 'can not'],
  [/\bwont\b|\bwon't\b/g, 'will not'],
  [/\bdont\b|\bdon't\b|\bdnt\b/g, 'do not'],
  [/\b(does|did|is|are|was|were|should|would|could|have|has|had|must|need)n'?t\b/g, '$1 not'],
  [/\baint\b|\bain't\b/g, 'is not'],
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'll\b|\bill(?= (be|do|go|never|just|kill|end|take|try|make|see|call|use|hurt|die|not|finally|stop|let|miss|leave|never)\b)/g, 'i will'],
  [/\bi'd\b|\bid(?= (rather|be|never|love|like|just|kill|die|do|prefer|have|want|better)\b)/g, 'i would'],
  [/\b(he|she|they|you|we|it)'ll\b/g, '$1 will'],
  [/\b(he|she|they|you|we)'d\b/g, '$1 would'],
  [/\b(you|we|they)'re\b|\b(you|they)re\b/g, '$1$2 are'],
  [/\b(you|we|they)'ve\b/g, '$1 have'],
  [/\b(hes|shes)\b/g, (m) => `${m.slice(0, -1)} is`],
  [/\b(thats|whats|theres|heres|its)\b(?= (a|an|the|my|no|not|time|over|all|been|just|so|too|going|ok|okay|fine|enough|only|like|what|how|it|true|hard|easy|done|worth|getting|never|finally|really)\b)/g, (m) => `${m.slice(0, -1)} is`],
  [/'/g, ''],
  // SMS slang and abbreviations.
  [/\brn\b|\brite now\b|\bryt now\b/g, 'right now'],
  [/\btn\b(?= *(\.|$))|\b(2nite|2night|tonite|tonigh|tnite|toniight|2nyt)\b/g, 'tonight'],
  [/\b(tmrw|tmrow|tmr|tmw|tomoro|tomorow|tomorrw|2moro|2morrow|2mrw)\b/g, 'tomorrow'],
  [/\babt\b|\bbout\b|\babout(?=(myself|my)\b)/g, 'about'],
  [/\b(bc|b\/c|bcuz|becuz|bcoz|cuz|coz|cos|cause|bcos)\b/g, 'because'],
  [/\bw\/o\b|\bwout\b|\bwithout\b/g, 'without'],
  [/\bw\//g, 'with '],
  [/\b(sum1|some1|smone|sumone)\b/g, 'someone'],
  [/\b(every1|evry1|evry1|everyon)\b/g, 'everyone'],
  [/\bnobody\b|\bno one\b|\bnoone\b|\bno-one\b|\bno1\b/g, 'no one'],
  [/\b(pls+|plz+|plis|pleas|plez|pleez|pleasee+)\b/g, 'please'],
  [/\bppl\b/g, 'people'],
  [/\bthru\b/g, 'through'],
  [/\b(tho|thou)\b/g, 'though'],
  [/\bbf\b/g, 'boyfriend'],
  [/\bgf\b/g, 'girlfriend'],
  [/\bmum\b/g, 'mom'],
  [/\bsmth\b|\bsth\b|\bsmthng\b/g, 'something'],
  [/\bngl\b/g, 'not going to lie'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\b(?<=you |they |we )r\b/g, 'are'],
  [/\bmy ?sle?f\b|\bmyslef\b|\bmysefl\b|\bmyelf\b|\bmy self\b|\bmeself\b|\bmyselff\b|\bmysel\b|\bmysef\b|\bmyseld\b|\bmysellf\b|\bmyslf\b/g, 'myself'],
  [/\bki+l+\b/g, 'kill'],
  [/\bki+l+i+n+g?\b|\bki+l+n\b/g, 'killing'],
  [/\bd+i+e+\b/g, 'die'],
  [/\bde+a+d+\b|\bded\b/g, 'dead'],
  [/\bw+a+n+t+\b/g, 'want'],
  [/\bdyin\b/g, 'dying'],
  [/\bcuttin\b/g, 'cutting'],
  [/\bbreathin\b/g, 'breathing'],
  [/\bthinkin\b/g, 'thinking'],
  [/\b([a-z]+)in\b(?<=\b(feel|go|end|hurt|burn|think|talk|plan|try|us|tak|los|comm|hid|follow|hitt|chok|beat|punch|kick|bleed|wak|respond|mov|breath|overdos|bang|scratch|starv|jump|driv)in)/g, '$1ing'],
  // Spanish chat spelling.
  [/\b(xq|pq|porq|xk|pk|porke)\b/g, 'porque'],
  [/\b(q|k|ke|qe)\b/g, 'que'],
  [/\b(tmb|tb|tmbn)\b/g, 'tambien'],
  [/\bkier(o|es|e)\b|\bqier(o|es|e)\b/g, (m) => `quier${m.slice(-1)}`],
  [/\baki\b/g, 'aqui'],
  [/\bmatarm+e\b/g, 'matarme'],
  [/\bmori+r+\b/g, 'morir'],
  [/\bnd\b/g, 'nada'],
];

export function normalizeForSafety(text: string): string {
  let t = text.normalize('NFKC');
  for (const [re, replacement] of emoji) t = t.replace(re, replacement);
  t = t
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’`´ʼ]/g, "'")
    .replace(/[“”«»]/g, '"')
    // Letters stretched for emphasis ("sooooo", "diiiie") lose their extra copies.
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
  t = t.replace(leetWord, (w) => (/[a-z]/.test(w.slice(w.search(/[013457@$]/))) ? w.replace(/[013457@$]/g, (c) => leet[c] ?? c) : w));
  t = t.replace(/[^\p{L}\p{N}'\s/.\-]/gu, ' ').replace(/\.(?!\w)/g, ' . ').replace(/(?<!\w)-|-(?!\w)/g, ' ');
  for (const [re, replacement] of words) t = t.replace(re, replacement as string);
  return t.replace(/-/g, ' ').replace(/\s+/g, ' ').replace(/( \.)+/g, ' .').replace(/^[ .]+|[ .]+$/g, '');
}
