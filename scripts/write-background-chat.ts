/**
 * `npx tsx scripts/write-background-chat.ts`: writes test/fixtures/background-chat.jsonl, ordinary sentences made
 * from everyday words (EN and ES), none of them a crisis, for the learned model to learn what plain talk looks like.
 * Its word lists and sentence shapes are not those of bench/harmless-sentences.ts, so that check stays out of sample.
 * Deterministic: the same file every time.
 */
import { writeFileSync } from 'node:fs';
import { random } from '../bench/harmless-sentences.js';

const en = {
  things: ['soup', 'laundry', 'dishes', 'weather', 'match', 'phone charger', 'rent', 'groceries', 'pizza', 'homework', 'bike', 'car wash', 'haircut', 'dentist', 'movie', 'series', 'book club', 'walk', 'gym', 'breakfast', 'tea', 'jacket', 'shoes', 'keys', 'plants', 'dog walk', 'playlist', 'bus pass', 'paint', 'shelf', 'oven', 'fridge', 'tacos', 'salad', 'cake', 'rain', 'snow', 'sunset', 'beach', 'concert'],
  doing: ['making', 'finishing', 'planning', 'trying', 'cooking', 'watching', 'reading', 'cleaning', 'organising', 'looking for', 'picking up', 'waiting for', 'thinking about', 'booking', 'sorting out'],
  feel: ['pretty good', 'a bit tired', 'calm', 'okay', 'busy but fine', 'happy', 'bored', 'grateful', 'sleepy', 'hungry', 'proud', 'relaxed'],
  when: ['today', 'tonight', 'this weekend', 'right now', 'after work', 'tomorrow morning', 'later', 'on monday', 'this afternoon'],
  shapes: [
    'i am {d} the {t} {w}',
    'feeling {f} {w}, going to do the {t}',
    'anyone else {d} the {t} {w}?',
    'the {t} was great, then the {t} and the {t}',
    'we are {d} the {t} {w}, come if you like',
    'finally done with the {t}. {f}',
    'quick question about the {t} and the {t}',
    'lol the {t} {w} was something else',
    'thanks for the tip about the {t}, it helped',
    'need to buy {t}, {t} and {t} {w}',
    'my sister is {d} the {t} {w}',
    'i just want to finish the {t} and go to sleep',
  ],
};
const es = {
  things: ['sopa', 'ropa', 'platos', 'tiempo', 'partido', 'cargador', 'alquiler', 'compra', 'pizza', 'tarea', 'bici', 'peluqueria', 'dentista', 'peli', 'serie', 'club de lectura', 'paseo', 'gimnasio', 'desayuno', 'te', 'chaqueta', 'zapatillas', 'llaves', 'plantas', 'perro', 'musica', 'horno', 'nevera', 'tacos', 'ensalada', 'tarta', 'lluvia', 'playa', 'concierto', 'mate', 'empanadas'],
  doing: ['haciendo', 'terminando', 'planeando', 'probando', 'cocinando', 'viendo', 'leyendo', 'limpiando', 'ordenando', 'buscando', 'esperando', 'pensando en', 'reservando', 'arreglando'],
  feel: ['bastante bien', 'un poco cansada', 'tranquilo', 'bien', 'ocupado pero bien', 'contenta', 'aburrido', 'agradecida', 'con sueno', 'con hambre', 'orgulloso'],
  when: ['hoy', 'esta noche', 'este finde', 'ahora', 'despues del trabajo', 'manana temprano', 'mas tarde', 'el lunes', 'esta tarde'],
  shapes: [
    'estoy {d} la {t} {w}',
    'me siento {f} {w}, voy a hacer la {t}',
    'alguien mas esta {d} la {t} {w}?',
    'la {t} estuvo genial, luego la {t} y la {t}',
    'vamos a estar {d} la {t} {w}, vengan si quieren',
    'por fin termine con la {t}. {f}',
    'una pregunta sobre la {t} y la {t}',
    'jaja la {t} de {w} fue otra cosa',
    'gracias por el consejo de la {t}, me sirvio',
    'tengo que comprar {t}, {t} y {t} {w}',
    'mi hermana esta {d} la {t} {w}',
    'solo quiero terminar la {t} e irme a dormir',
  ],
};

const rnd = random(424242);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const lines = new Set<string>();
for (let i = 0; lines.size < 1200 && i < 10_000; i++) {
  const lang = i % 3 === 2 ? 'es' : 'en';
  const v = lang === 'en' ? en : es;
  const text = pick(v.shapes).replace(/\{(\w)\}/g, (_, k: string) => (k === 't' ? pick(v.things) : k === 'd' ? pick(v.doing) : k === 'f' ? pick(v.feel) : pick(v.when)));
  lines.add(JSON.stringify({ text, crisis: false, kind: 'background', category: 'none', lang }));
}
writeFileSync(new URL('../test/fixtures/background-chat.jsonl', import.meta.url), [...lines].join('\n') + '\n');
console.log(`wrote ${lines.size} sentences`);
