/**
 * Harmless sentences made from everyday words, in English and Spanish, none of them about crisis: the check that
 * text the detector was never shown cannot push the learned model over its threshold ("a note about the garden and
 * the river and a guitar"). Deterministic (a fixed seed), and built from word lists that no training set is made
 * from, so the figure is out of sample.
 */
const en = {
  nouns: ['garden', 'river', 'guitar', 'kitchen', 'window', 'bicycle', 'sandwich', 'library', 'meeting', 'notebook', 'bus', 'sweater', 'tomato', 'lamp', 'umbrella', 'cousin', 'teacher', 'recipe', 'playlist', 'mountain', 'bakery', 'sofa', 'train', 'puzzle', 'candle', 'calendar', 'pencil', 'market', 'coffee', 'park', 'email', 'podcast', 'blanket', 'ferry', 'museum', 'carrot', 'printer', 'holiday', 'balcony', 'neighbour'],
  verbs: ['found', 'painted', 'cleaned', 'borrowed', 'fixed', 'carried', 'watched', 'bought', 'moved', 'opened', 'noticed', 'shared', 'packed', 'folded', 'visited', 'tasted', 'counted', 'described', 'repaired', 'ordered'],
  adjectives: ['blue', 'old', 'quiet', 'warm', 'tiny', 'heavy', 'bright', 'new', 'wooden', 'crowded', 'slow', 'green', 'funny', 'soft', 'busy', 'empty'],
  times: ['this morning', 'on sunday', 'after lunch', 'last week', 'tomorrow', 'at noon', 'later today', 'every friday'],
  people: ['i', 'my sister', 'we', 'our group', 'my friend', 'the kids', 'my sponsor', 'the neighbours'],
  templates: [
    'note about the {n} and the {n} and a {n}',
    '{p} {v} the {a} {n} {t}',
    'the {n} near the {n} is {a} {t}',
    '{p} {v} a {n}, then a {n} and a {a} {n}',
    'reminder: {n}, {n}, {n} and the {a} {n}',
    'why is the {n} always {a} when the {n} is {a}',
    '{p} {v} the {n} by the {n} {t} and it was {a}',
  ],
};
const es = {
  nouns: ['jardin', 'rio', 'guitarra', 'cocina', 'ventana', 'bicicleta', 'bocadillo', 'biblioteca', 'reunion', 'cuaderno', 'autobus', 'jersey', 'tomate', 'lampara', 'paraguas', 'primo', 'profesora', 'receta', 'lista', 'montana', 'panaderia', 'sofa', 'tren', 'rompecabezas', 'vela', 'calendario', 'lapiz', 'mercado', 'cafe', 'parque', 'correo', 'manta', 'museo', 'zanahoria', 'impresora', 'balcon', 'vecina'],
  verbs: ['encontre', 'pinte', 'limpie', 'pedi prestado', 'arregle', 'lleve', 'mire', 'compre', 'movi', 'abri', 'comparti', 'guarde', 'doble', 'visite', 'probe', 'conte', 'repare', 'pedi'],
  adjectives: ['azul', 'viejo', 'tranquilo', 'calido', 'pequeno', 'pesado', 'brillante', 'nuevo', 'de madera', 'lleno', 'lento', 'verde', 'gracioso', 'suave'],
  times: ['esta manana', 'el domingo', 'despues de comer', 'la semana pasada', 'manana', 'a mediodia', 'mas tarde', 'cada viernes'],
  people: ['yo', 'mi hermana', 'nosotros', 'el grupo', 'mi amigo', 'los ninos', 'mi padrino', 'los vecinos'],
  templates: [
    'nota sobre el {n} y el {n} y una {n}',
    '{p} {v} el {n} {a} {t}',
    'el {n} al lado del {n} esta {a} {t}',
    '{p} {v} un {n}, luego un {n} y un {n} {a}',
    'recordatorio: {n}, {n}, {n} y el {n} {a}',
    'por que el {n} siempre esta {a} cuando el {n} esta {a}',
  ],
};

/** A small deterministic generator (mulberry32), shared with scripts/write-background-chat.ts. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function harmlessSentences(count: number, seed = 20261204): { text: string; lang: 'en' | 'es' }[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: { text: string; lang: 'en' | 'es' }[] = [];
  for (let i = 0; i < count; i++) {
    const lang = i % 3 === 2 ? 'es' : 'en';
    const v = lang === 'en' ? en : es;
    const text = pick(v.templates).replace(/\{(\w)\}/g, (_, k: string) =>
      k === 'n' ? pick(v.nouns) : k === 'v' ? pick(v.verbs) : k === 'a' ? pick(v.adjectives) : k === 't' ? pick(v.times) : pick(v.people),
    );
    out.push({ text, lang });
  }
  return out;
}
