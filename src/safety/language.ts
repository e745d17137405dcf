/**
 * Which of Tether's languages a message is written in, from its small words: enough to answer a crisis message in
 * the language it was written in ("ya no quiero vivir" gets the Spanish reply) when nothing else says. Never used
 * to guess a country: the crisis region comes from the community, the operator or the person's own choice.
 */
export type TextLanguage = 'en' | 'es';

const spanish = new Set([
  'el', 'la', 'los', 'las', 'que', 'de', 'del', 'y', 'en', 'un', 'una', 'no', 'me', 'mi', 'mis', 'yo', 'es', 'esta', 'estoy',
  'por', 'para', 'con', 'pero', 'muy', 'ya', 'todo', 'nada', 'quiero', 'puedo', 'tengo', 'hoy', 'noche', 'ahora', 'porque', 'como',
  'se', 'le', 'lo', 'su', 'al', 'mas', 'tu', 'te', 'si', 'hay', 'fue', 'voy', 'estar', 'vida', 'ganas', 'siento', 'cuando', 'nadie',
]);
const english = new Set([
  'the', 'a', 'an', 'and', 'to', 'of', 'i', 'im', 'my', 'me', 'is', 'it', 'in', 'on', 'for', 'with', 'but', 'so', 'just', 'not',
  'this', 'that', 'you', 'he', 'she', 'they', 'was', 'am', 'are', 'do', 'dont', 'cant', 'want', 'feel', 'like', 'have', 'what',
  'all', 'be', 'can', 'at', 'up', 'out', 'now', 'tonight', 'about', 'really', 'going', 'gonna', 'anymore', 'wanna', 'been',
]);

/** The language most of the message's small words belong to; `undefined` when they do not say. */
export function guessLanguage(text: string): TextLanguage | undefined {
  let es = 0;
  let en = 0;
  const words = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-zñ']+/, 400);
  for (const raw of words) {
    const w = raw.replace(/'/g, '');
    if (spanish.has(w)) es++;
    if (english.has(w)) en++;
  }
  if (es === en) return undefined;
  return es > en ? 'es' : 'en';
}
