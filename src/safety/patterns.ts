/*
 * What a crisis sounds like, as patterns over normalized text (see normalize.ts), in English and Spanish.
 * Written from crisis-line guidance, not from any one test message: direct and indirect suicidal thoughts,
 * self-harm now, an overdose or medical emergency now (also someone else's), and danger or abuse now.
 * `weight` 1 is enough on its own; 0.5 needs a second signal.
 */

export type CrisisCategory = 'suicide' | 'self-harm' | 'overdose' | 'danger';

export interface CrisisPattern {
  readonly id: string;
  readonly category: CrisisCategory;
  readonly re: RegExp;
  readonly weight: 1 | 0.5;
}

const SELF = '(?:myself|my own self)';

const p = (id: string, category: CrisisCategory, weight: 1 | 0.5, source: string): CrisisPattern => ({
  id,
  category,
  weight,
  re: new RegExp(source),
});

export const crisisPatterns: readonly CrisisPattern[] = [
  // ---- suicide: direct ----
  p('kill-myself', 'suicide', 1, `\\b(kill|killing|end|ending|hang|hanging|shoot|shooting|drown|drowning|off|offing) ${SELF}\\b`),
  p('suicide-word', 'suicide', 1, `\\bsuicide\\b`),
  p('end-my-life', 'suicide', 1, `\\b(end|ending|take|taking|finish) (my|my own) life\\b`),
  p('end-it-all', 'suicide', 1, `\\b(end|ending) (it all|it tonight|it now|everything|things|it for good)\\b`),
  p('want-to-die', 'suicide', 1, `\\b(want|wanting|going|ready|planning|plan|trying|need|deserve|wish i could|would rather) (to )?(die|be dead|not be alive|not exist|stop existing|not wake up|never wake up|disappear forever)\\b`),
  p('wish-dead', 'suicide', 1, `\\bwish (i|i was|i were|i could be) (was |were )?(dead|gone for good|never born|not alive)\\b`),
  p('no-live', 'suicide', 1, `\\b(do not|no longer|not) (want|wanna|wish) to (live|be alive|be here|exist|go on|wake up|keep living)( anymore)?\\b`),
  p('better-off', 'suicide', 1, `\\bbetter off (dead|without me|if i (was|were) (gone|dead)|if i (died|was not here|were not here))\\b`),
  p('without-me', 'suicide', 1, `\\b(everyone|everybody|world|they|family|kids|you all|you guys) (would be|will be|is|are) (better|happier|fine) without me\\b`),
  p('no-reason-live', 'suicide', 1, `\\bno (reason|point) (to|in) (live|living|be alive|keep living|go on|going on|stay|staying alive)\\b`),
  p('sleep-forever', 'suicide', 1, `\\b(sleep|go to sleep|fall asleep|close my eyes) and (not|never) wake( up)?\\b`),
  p('not-wake-up', 'suicide', 1, `\\b(hope|wish|want) (i|to) (do not|never|not) wake up\\b`),
  p('final-goodbye', 'suicide', 1, `\\b(goodbye|bye) (forever|for good|everyone|everybody|world|cruel world|all of you)\\b|\\b(final|last) (goodbye|message|words|note)\\b|\\bthis is (my|the) (last|final) (message|time|goodbye)\\b`),
  p('note-letters', 'suicide', 1, `\\b(wrote|written|writing|write|left|leaving) (a |my )?(suicide note|goodbye (note|letter)s?|letters? to my (family|kids|mom|mum|dad|wife|husband|partner|children))\\b`),
  p('giving-away', 'suicide', 1, `\\bgiving (away )?(all )?my (stuff|things|belongings|pets?|dog|cat) away\\b|\\bgiving away (all )?my (stuff|things|belongings)\\b`),
  p('no-one-miss', 'suicide', 1, `\\b(no one|nobody) (will|would|is going to) (miss|notice|care)( me)?( if| when| once)? (i|i am|i was|i were|i) ?(gone|dead|die|died|disappeared|not here)?\\b`),
  p('have-plan', 'suicide', 1, `\\b(i have|got) (a|the) (plan|rope|pills saved|gun)( ready)?\\b.*\\b(end|die|tonight|done)\\b|\\b(rope|noose) (is )?ready\\b`),
  p('cant-go-on', 'suicide', 1, `\\b(can not|could not) (go on|keep going|keep living|live like this|do (this|it) (anymore|any more|much longer)|take (it|this|the pain) (anymore|any more)|handle (it|this|life) (anymore|any more))\\b|\\bgive up on (life|living|everything)\\b`),
  p('cant-cope', 'suicide', 0.5, `\\b(can not|could not) (do this|take (it|this)|cope|handle (it|this))\\b|\\bwhat is the point\\b|\\bno point (anymore|in anything)\\b`),
  p('done-with-life', 'suicide', 1, `\\b(done|finished) with (life|living|everything|it all|this life)\\b|\\b(tired|sick) of (living|being alive|life itself)\\b`),
  p('want-it-stop', 'suicide', 0.5, `\\b(want|need) (it|everything|the pain|this) (all )?to (stop|end)( forever| for good| permanently)?\\b`),
  p('forever-gone', 'suicide', 0.5, `\\b(forever|for good|permanently|never come back|not be around|will not be around|be gone)\\b`),
  p('disappear', 'suicide', 0.5, `\\b(disappear|vanish)\\b`),
  p('jump', 'suicide', 1, `\\b(jump|jumping) (off|from|in front of)( (a|the|this))? (bridge|building|roof|train|window|cliff|balcony|car)\\b|\\bstanding on (the|a) (bridge|roof|ledge|edge)\\b`),
  // ---- suicide: Spanish ----
  p('es-matarme', 'suicide', 1, `\\b(matarme|me (voy a|quiero|pienso|puedo) matar|quitarme la vida|me quito la vida|acabar con mi vida|terminar con mi vida|suicid(arme|io|a|ar)|me suicido)\\b`),
  p('es-morir', 'suicide', 1, `\\b(quiero|quisiera|deseo|prefiero|me gustaria) (morir|morirme|estar muert[oa]|desaparecer para siempre|dormir y no despertar)\\b|\\bojala (me muera|estuviera muert[oa]|no despertar|no despierte)\\b`),
  p('es-no-vivir', 'suicide', 1, `\\bno (quiero|puedo) (seguir )?(vivir|viviendo|estar aqui|existir|despertar)\\b|\\bno (tengo|hay) (razon|razones|motivo|motivos|sentido) (para|de) (vivir|seguir)\\b`),
  p('es-mejor-sin-mi', 'suicide', 1, `\\b(estarian|estaran|seria|serian|estaria) mejor sin mi\\b|\\bmejor (muert[oa]|si no estuviera|si me muero)\\b`),
  p('es-despedida', 'suicide', 1, `\\b(adios|hasta nunca) (a todos|para siempre|mundo)\\b|\\b(ultimo|ultima) (mensaje|despedida|carta)\\b|\\bcartas? de despedida\\b`),
  p('es-no-aguanto', 'suicide', 0.5, `\\bno (aguanto|puedo) mas\\b|\\bya no (puedo|aguanto)\\b`),
  p('es-dormir-siempre', 'suicide', 1, `\\bdormir (y no despertar|para siempre)\\b|\\bno despertar nunca\\b`),
  // ---- self-harm ----
  p('harm-myself', 'self-harm', 1, `\\b(cut|cutting|burn|burning|hurt|hurting|harm|harming|hit|hitting|scratch|scratching|punish|punishing|starve|starving) (myself|my (arm|arms|wrist|wrists|legs|thighs|skin|body))\\b`),
  p('cutting-again', 'self-harm', 1, `\\b(cutting|cut|burning|burned|hurting|harming) (again|tonight|right now)\\b|\\b(relapsed|relapsing|slipped) (on|into|with) (cutting|self ?harm|burning)\\b|\\burge to (cut|burn|hurt myself|self ?harm)\\b`),
  p('self-harm-word', 'self-harm', 1, `\\bself ?-?harm(ing)?\\b`),
  p('blade', 'self-harm', 0.5, `\\b(razor|blade|blades|knife)\\b`),
  p('blood', 'self-harm', 0.5, `\\b(blood|bleeding)\\b`),
  p('es-cortarme', 'self-harm', 1, `\\b(cortarme|me corto|me estoy cortando|me corte|hacerme dano|me hago dano|lastimarme|me lastimo|quemarme|autolesion(arme)?)\\b`),
  // ---- overdose / medical emergency now ----
  p('overdose-now', 'overdose', 1, `\\b(overdose|overdosing)\\b`),
  p('took-all', 'overdose', 1, `\\b(took|taken|swallowed|downed|take|taking|ate) (all (of )?(the|my)|the (whole|entire)|a (whole )?(bottle|handful|bunch|pack)|too (many|much)|way too (many|much)|double|triple|a lot of)( (bottle|pack|box) of)? ?(pills|tablets|meds|xanax|xans|oxy|oxys|percs|bars|benzos|sleeping pills|painkillers|fent|fentanyl|heroin|dope|tylenol|paracetamol)?\\b`),
  p('not-breathing', 'overdose', 1, `\\b(is not|not|stopped|barely|can not|hardly|isnt|aint) breathing\\b|\\bcan not breathe\\b|\\b(no|not) pulse\\b`),
  p('turning-blue', 'overdose', 1, `\\b(turning|turned|going|gone|went|is|are|look|looks) (blue|grey|gray|purple)\\b|\\b(lips|face|fingers) (are|is|look|looks|turning|went) (blue|purple|grey|gray)\\b`),
  p('wont-wake', 'overdose', 1, `\\b(will not|can not|could not|does not|is not) (wake|waking) (up|him|her|them)\\b|\\b(can not|could not) wake (him|her|them|my \\w+)( up)?\\b|\\bunresponsive\\b|\\bnot responding\\b|\\bpassed out and\\b`),
  p('seizure', 'overdose', 1, `\\b(seizure|seizing|convulsing|foaming at the mouth)\\b`),
  p('narcan', 'overdose', 1, `\\b(narcan|naloxone)\\b`),
  p('chest-pain', 'overdose', 0.5, `\\b(chest (pain|hurts|is tight)|heart (is racing|racing|pounding)|can not feel my|throwing up blood|vomiting blood|numb (all over|everywhere))\\b`),
  p('es-sobredosis', 'overdose', 1, `\\b(sobredosis|no respira|dejo de respirar|no puede respirar|no despierta|no reacciona|no responde|se (puso|esta poniendo) (azul|morad[oa])|labios morados|convulsion(ando|a)?|me tome (todas|todo|un frasco|una caja|muchas))\\b`),
  // ---- danger / abuse now ----
  p('being-hurt', 'danger', 1, `\\b(he|she|they|my (husband|boyfriend|girlfriend|wife|partner|dad|father|mom|mother|stepdad|ex|brother|roommate|dealer)) (is|are|keeps|keep|started|just) (hitting|beating|choking|strangling|hurting|kicking|punching|attacking|threatening|raping) me\\b`),
  p('will-hurt', 'danger', 1, `\\b(he|she|they|someone|my (husband|boyfriend|girlfriend|wife|partner|dad|father|ex|dealer)) (is going to|will|says (he|she|they) will|said (he|she|they) (will|would)|threatened to|threatens to|wants to) (kill|hurt|beat|stab|shoot) me\\b`),
  p('not-safe', 'danger', 1, `\\b(i am not|i do not feel|not) safe (at home|here|right now|tonight|with (him|her|them))\\b|\\bi am (scared|afraid|terrified) (he|she|they) (will|is going to|might) (hurt|kill)\\b`),
  p('trapped', 'danger', 1, `\\b(locked me (in|out)|will not let me leave|is not letting me leave|has a (gun|knife) (and|to|pointed)|breaking (in|down the door)|(someone|a man|he|they) (is|are) (following me|outside my (door|house|window)))\\b`),
  p('hiding', 'danger', 0.5, `\\b(hiding (in|from)|help me please|please help|call the police|send help)\\b`),
  p('es-peligro', 'danger', 1, `\\b(me (esta|estan) (pegando|golpeando|ahorcando|amenazando)|me pega|me golpea|me (va|van) a matar|me quiere matar|me amenaza (con|de)|no estoy a salvo|no me deja salir|me encerro)\\b`),
];

/*
 * What makes a match not a crisis: figures of speech, events told as the past, talk about prevention or media,
 * and the person saying plainly that they are not in danger. Each is checked against the whole message.
 */
export const idioms: readonly RegExp[] = [
  /\b(is|are|was|were) killing me\b/,
  /\bwould kill for\b|\bkill (for|time)\b|\bkilled it\b|\bkilling it\b|\bdressed to kill\b/,
  /\bdying (to|of|for)\b|\bdie (of|from) (embarrassment|laughter|laughing|boredom|cringe|shame)\b|\bdied laughing\b|\bto die for\b/,
  /\bdead (tired|serious|on my feet|wrong)\b/,
  /\bwant to die of\b/,
  /\bmorir(me)? de (risa|verguenza|aburrimiento|hambre|sueno)\b|\bme muero de (risa|ganas|hambre|sueno|verguenza)\b|\bme mata (el|la|este|esta|ese|esa)\b/,
];

/** Told as the past, from the safety of now. */
export const pastFrame: readonly RegExp[] = [
  /\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|few|couple of) (years?|months?|weeks?) ago\b/,
  /\b(used to|back when|back then|in the past|when i was (younger|a kid|a teen|using|in active)|years back|a while back|last year|in (19|20)\d\d)\b/,
  /\b(clean|sober|free) (from|of) (it|self ?harm|cutting)\b|\b(\d+|a|one|two|three) (years?|months?|days?) (clean|sober|free)\b|\bsurvived\b/,
  /\bhace (\d+|un|una|dos|tres|cuatro|cinco|varios|muchos|unos) (anos|meses|semanas)\b|\bsolia\b|\bantes (me|yo)\b|\bcuando era\b/,
];

/** Signs that something is happening now, which override a past frame. */
export const nowFrame: readonly RegExp[] = [
  /\b(right now|again|tonight|today|at the moment|currently|just now|this morning|help|please|ahora mismo|otra vez|de nuevo|esta noche|hoy|ayuda|por favor)\b/,
  /\bi (think|feel like) i\b/,
];

export const aboutOthersOrMedia: readonly RegExp[] = [
  /\b(suicide|overdose|self ?harm) (prevention|awareness|hotline|line|training|statistics|rates?)\b/,
  /\b(documentary|movie|film|show|series|book|article|podcast|episode|song|lecture|class|course|training|talk|meeting|workshop) (about|on)\b/,
  /\b(narcan|naloxone) (kit|kits|training|class)\b|\bcarry(ing)? (narcan|naloxone)\b|\bgot (trained|a kit)\b/,
  /\bhow (do|can|should) i (help|support|talk to)\b/,
  /\bprevencion\b|\bpelicula sobre\b|\bdocumental sobre\b/,
];

/** The person saying they are not in danger ("i'm not going to hurt myself"). */
export const negations: readonly RegExp[] = [
  /\b(not|never|no|would not|will not|do not|am not|not going to|never going to|no way i would) (be )?(suicidal|kill myself|hurt myself|harm myself|end it|end my life|die|cut|going to (kill|hurt) myself|use again)\b/,
  /\bnot (in danger|going to do anything)\b|\bi am safe\b|\bno (me )?quiero morir\b|\bno voy a (hacerme dano|matarme|cortarme)\b|\bestoy a salvo\b/,
];
