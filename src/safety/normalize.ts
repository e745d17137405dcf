/**
 * Brings chat text to one plain form before crisis patterns are matched: lower case, no accents, leetspeak and
 * stretched letters undone, contractions written out (with or without the apostrophe), SMS slang, abbreviations
 * and common misspellings spelled out, emoji that carry meaning turned into words. Sentence ends (. ! ? ; new
 * line) become " . " so that the detector can read each sentence on its own; other punctuation becomes a space.
 */

/** Line breaks and sentence ends, which become " . " (the only emoji-table entry plain ASCII can hold). */
const sentenceEndsSource = /[\n\r!?;…¡¿]+/gu;
const sentenceEnds = sentenceEndsSource;
const nonAscii = /[^\x00-\x7F]/;
const leetDigit = /[013457@$]/;

const emoji: ReadonlyArray<[RegExp, string]> = [
  [/🔪|🗡️?/gu, ' knife '],
  [/💊/gu, ' pills '],
  [/🪦|⚰️?/gu, ' grave '],
  [/🩸/gu, ' blood '],
  [/🪢/gu, ' rope '],
  [/🔫/gu, ' gun '],
  [/💉/gu, ' needle '],
  // Laughter, so that hyperbole ("i want to die 😂") can be told from distress.
  [/😂|🤣|😹|😆/gu, ' lol . '],
  // Said with a skull or rolled eyes, "i'm dead" and "i want to die" are laughter or exasperation, as people use them.
  [/💀|☠️?|🙄/gu, ' lol '],
  // Line breaks and sentence ends.
  [sentenceEndsSource, ' . '],
];

/** Leetspeak inside a word that has letters on both sides of the digits ("su1c1dal", "k1ll", "d13"). */
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const leetWord = /\b[a-z]+[013457@$]+[a-z0-9@$]*\b/g;

/** Replacements that need the apostrophe, applied first to text that is already lower case and free of accents. */
const apostrophes: ReadonlyArray<readonly [RegExp, string | ((match: string) => string)]> = [
  // "'s" is "is" after pronouns and before a predicate ("tonight's the night", "mom's gonna"), otherwise it goes.
  [/\b(he|she|it|that|there|what|who|where|everyone|everybody|someone|somebody|nobody)'s\b/g, '$1 is'],
  [/\b([a-z]+)'s (?=(the|a|an|not|so|too|just|going|gonna|been|over|done|gone|dead|all|really|no|never|getting|always|only|still|pointless|hopeless|worthless|ready|here|there|coming|outside|home|back|high|drunk|blue|purple|turning|breathing|making|foaming|seizing|having|using|passed|unconscious|unresponsive|cold|screaming|hitting|beating|choking|threatening|locked|holding)\b)/g, '$1 is '],
  [/\b([a-z]+)'s\b/g, '$1'],
  // Overdose, keeping the tense ("od'd" happened, "od-ing" is happening). Plain "odd" stays a word.
  [/\bo\.?d\.?\s?(['-]\s?(d|ed)|ed)\b|\bover ?dos(ed|d)\b/g, 'overdosed'],
  [/\bo\.?d\.?(['-]?(ing|in)|\s(ing))\b|\bover ?dosing\b|\bover ?dosin\b/g, 'overdosing'],
  [/\bo\.d\.?(?=\s|$)|\bover ?dose\b/g, 'overdose'],
  [/\bi'll\b/g, 'i will'],
  [/\bi'd\b/g, 'i would'],
  [/\b(he|she|they|you|we|it)'ll\b/g, '$1 will'],
  [/\b(he|she|they|you|we)'d\b/g, '$1 would'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\b(you|we|they)'ve\b/g, '$1 have'],
  [/\bi'?ma\b/g, 'i am going to'],
  [/'/g, ''],
];

/** Whole words spelled out, in one pass (apostrophes are gone by now: "cant", "im", "dont"). */
const dictionary: Record<string, string> = {
  wanna: 'want to', wana: 'want to', wnna: 'want to', wan2: 'want to', want2: 'want to',
  gonna: 'going to', gona: 'going to', gunna: 'going to', gnna: 'going to', finna: 'going to',
  gotta: 'got to', tryna: 'trying to', boutta: 'about to', imma: 'i am going to',
  cant: 'can not', cannot: 'can not', cnt: 'can not', wont: 'will not', dont: 'do not', dnt: 'do not', aint: 'is not',
  doesnt: 'does not', didnt: 'did not', isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not',
  shouldnt: 'should not', wouldnt: 'would not', couldnt: 'could not', havent: 'have not', hasnt: 'has not',
  hadnt: 'had not', mustnt: 'must not', neednt: 'need not',
  im: 'i am', ive: 'i have', youre: 'you are', theyre: 'they are', hes: 'he is', shes: 'she is',
  rn: 'right now', '2nite': 'tonight', '2night': 'tonight', tonite: 'tonight', tonigh: 'tonight', tnite: 'tonight', '2nyt': 'tonight',
  tmrw: 'tomorrow', tmrow: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow', tomoro: 'tomorrow', tomorow: 'tomorrow', tomorrw: 'tomorrow',
  '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow',
  abt: 'about', bout: 'about', bc: 'because', bcuz: 'because', becuz: 'because', bcoz: 'because', cuz: 'because', coz: 'because',
  cos: 'because', bcos: 'because', wout: 'without',
  sum1: 'someone', some1: 'someone', smone: 'someone', sumone: 'someone', every1: 'everyone', evry1: 'everyone', everyon: 'everyone',
  nobody: 'no one', noone: 'no one', no1: 'no one',
  pls: 'please', plss: 'please', plz: 'please', plzz: 'please', plis: 'please', pleas: 'please', plez: 'please', pleez: 'please', pleasee: 'please',
  ppl: 'people', thru: 'through', tho: 'though', thou: 'though', bf: 'boyfriend', gf: 'girlfriend', mum: 'mom',
  smth: 'something', sth: 'something', smthng: 'something', ngl: 'not going to lie', u: 'you', ur: 'your',
  myslef: 'myself', mysefl: 'myself', myelf: 'myself', meself: 'myself', myselff: 'myself', mysel: 'myself', mysef: 'myself',
  myseld: 'myself', mysellf: 'myself', myslf: 'myself', mysef1: 'myself',
  dyin: 'dying', cuttin: 'cutting', breathin: 'breathing', thinkin: 'thinking', ded: 'dead',
  kys: 'kill yourself', ctb: 'end my life', sui: 'suicide', od: 'overdose',
  // Spanish chat spelling.
  xq: 'porque', pq: 'porque', porq: 'porque', xk: 'porque', pk: 'porque', porke: 'porque',
  q: 'que', k: 'que', ke: 'que', qe: 'que', tmb: 'tambien', tb: 'tambien', tmbn: 'tambien',
  kiero: 'quiero', qiero: 'quiero', kieres: 'quieres', kiere: 'quiere', aki: 'aqui', nd: 'nada',
};
const dictionaryWord = new RegExp(`\\b(?:${Object.keys(dictionary).join('|')})\\b`, 'g');

/** Medicines and drugs by name, spelled "meds": patterns speak of taking too many "meds", not of each drug. */
const drugNames = new RegExp(
  `\\b(?:${[
    'xanax', 'xans', 'xannies', 'zannies', 'benzos?', 'klonopin', 'klonnies', 'clonazepam', 'valium', 'diazepam', 'ativan', 'lorazepam',
    'alprazolam', 'oxys?', 'oxycodone', 'oxycontin', 'percs', 'percocets?', 'vicodin', 'hydrocodone', 'morphine', 'methadone', 'fent',
    'fentanyl', 'fentanilo', 'heroin', 'heroina', 'tylenol', 'paracetamol', 'acetaminophen', 'advil', 'ibuprofen', 'ibuprofeno', 'aspirin',
    'aspirina', 'insulin', 'insulina', 'antidepressants?', 'antidepresivos?', 'seroquel', 'quetiapine', 'lithium', 'litio', 'trazodone',
    'ambien', 'zolpidem', 'amitriptyline', 'gabapentin', 'gabbies', 'lyrica', 'pregabalin', 'prozac', 'zoloft', 'sertraline', 'lexapro',
    'escitalopram', 'wellbutrin', 'adderall', 'ketamine', 'codeine', 'codeina', 'tramadol', 'opioids?', 'opiates?', 'opioides',
    'painkillers', 'analgesicos', 'rivotril', 'alplax', 'tafil', 'lexotan', 'orfidal', 'diazepan', 'melatonin', 'nyquil', 'benadryl',
    'sleeping tablets', 'somniferos', 'ansioliticos', 'tranquilizantes', 'calmantes',
  ].join('|')})\\b`,
  'g',
);

/** Replacements that need a pattern: stretched or misspelled words, words in code, context. */
const words: ReadonlyArray<readonly [RegExp, string | ((match: string) => string)]> = [
  [/\bk+m+s+(l+)?\b|\bkmy?s\b/g, 'kill myself'],
  [/\bun-?a+l+i+v+\w*/g, 'unalive'],
  [/\bsewer ?slid\w*/g, 'suicide'],
  [/\bgame ?end(?:ing)?\b/g, 'end my life'],
  [/\bs+u+[i1y]*[cs]+[i1y]*d\w*/g, (w) => (/^suicid(?:io|ios|a|as|arme|arse|arte|aste|ado|ada|o|e|ar|ando|andome|ara|aria)$/.test(w) ? w : 'suicide')],
  [/\bsu[ie]?c[ie]?dal\b|\bsuic?idial\b|\bsuisid\w*/g, 'suicide'],
  [/\bself-?harm(ing|ed)?\b|\bs\/h\b/g, 'self harm$1'],
  [/\bself[- ]?(?:injur(?:y|ies|e|ed|ing|ious)|mutilat\w*)\b/g, 'self harm'],
  [/\bsh(d|ing|ed)?\b(?=.*\b(urge|urges|again|tonight|deep|cut|cuts|blade|razor|relapse|relapsed|rn|so bad|badly)\b)|(?<=\b(relapsed|relapse|relapsing) (on|with|into) )sh\b|(?<=\b(?:to|gonna|wanna|might|will|about to|going to) )sh\b(?! (?:up|it|the|that|this|down))/g, 'self harm'],
  [/\bill(?= (be|do|go|never|just|kill|end|take|try|make|see|call|use|hurt|die|not|finally|stop|let|miss|leave)\b)/g, 'i will'],
  [/\bid(?= (rather|be|never|love|like|just|kill|die|do|prefer|have|want|better)\b)/g, 'i would'],
  [/\b(thats|whats|theres|heres|its)\b(?= (a|an|the|my|no|not|time|over|all|been|just|so|too|going|gonna|ok|okay|fine|enough|only|like|what|how|it|true|hard|easy|done|worth|getting|never|finally|really)\b)/g, (m) => `${m.slice(0, -1)} is`],
  [/\bbout to\b|\babt to\b/g, 'about to'],
  [/\b(?:2|to) (many|much)\b/g, 'too $1'],
  [/\b(?:tuk|tookk|tok)\b/g, 'took'],
  [/\brite now\b|\bryt now\b/g, 'right now'],
  [/\btn\b(?= *(\.|$))/g, 'tonight'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\//g, 'with '],
  [/\bno-one\b/g, 'no one'],
  [/(?<=\b(?:you|they|we) )r\b/g, 'are'],
  [/\bpl[sz]+\b|\bpleas+e+\b/g, 'please'],
  [/\bmy ?sle?f\b|\bmy self\b/g, 'myself'],
  [/\bki+l+\b/g, 'kill'],
  [/\bki+l+i+n+g?\b|\bki+l+n\b/g, 'killing'],
  [/\bd+i+e+\b/g, 'die'],
  [/\bde+a+d+\b/g, 'dead'],
  [/\bw+a+n+t+\b/g, 'want'],
  [/\b([a-z]+)in\b(?<=\b(feel|go|end|hurt|burn|think|talk|plan|try|us|tak|los|follow|hitt|chok|beat|punch|kick|bleed|wak|respond|mov|breath|overdos|bang|scratch|starv|jump|driv)in)/g, '$1ing'],
  [/\bmatarm+e\b/g, 'matarme'],
  [/\bmori+r+\b/g, 'morir'],
];

export function normalizeForSafety(text: string): string {
  // Plain ASCII, as most chat is, needs no Unicode folding and holds no emoji: those passes are skipped.
  const ascii = !nonAscii.test(text);
  let t = ascii ? text : text.normalize('NFKC');
  if (!ascii) for (const [re, replacement] of emoji) t = t.replace(re, replacement);
  else t = t.replace(sentenceEnds, ' . ');
  t = t.toLowerCase();
  if (!ascii) t = t.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[‘’`´ʼ]/g, "'").replace(/[“”«»]/g, '"');
  // Letters stretched for emphasis ("sooooo", "diiiie") lose their extra copies.
  t = t.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (leetDigit.test(t)) t = t.replace(leetWord, (w) => (/[a-z]/.test(w.slice(w.search(/[013457@$]/))) ? w.replace(/[013457@$]/g, (c) => leet[c] ?? c) : w));
  t = t.replace(/[^\p{L}\p{N}'\s/.\-]/gu, ' ').replace(/\.(?!\w)/g, ' . ').replace(/(?<!\w)-|-(?!\w)/g, ' ');
  for (const [re, replacement] of apostrophes) t = typeof replacement === 'string' ? t.replace(re, replacement) : t.replace(re, replacement);
  t = t.replace(dictionaryWord, (w) => dictionary[w] ?? w).replace(drugNames, 'meds');
  for (const [re, replacement] of words) t = typeof replacement === 'string' ? t.replace(re, replacement) : t.replace(re, replacement);
  return t.replace(/-/g, ' ').replace(/\s+/g, ' ').replace(/( \.)+/g, ' .').replace(/^[ .]+|[ .]+$/g, '');
}

/** Every regular expression normalization runs, for warm-up and for the linear-time audit. */
export const normalizeRegexes: readonly RegExp[] = [...emoji, ...apostrophes, ...words].map(([re]) => re).concat([leetWord, dictionaryWord, drugNames]);

/** Runs every replacement once on `long` (1,000+ characters), so that V8 compiles them straight to machine code. */
export function warmUpNormalize(long: string): void {
  for (const re of normalizeRegexes) re.exec(long), (re.lastIndex = 0);
  normalizeForSafety(long);
}
