import { crisisPattern, type CrisisPattern } from './crisis-pattern.js';

/*
 * Crisis told as a state or a situation rather than as intent, in English and Spanish: a body in trouble after
 * using, a bystander with someone who does not respond, a farewell or a preparation, someone at the door. Most of
 * these are weak (0.5) on their own and count when a second signal of the same kind comes with them (two symptoms,
 * a symptom and "tonight"), or ask gently on their own. Same flags as patterns.ts; over normalized text.
 */
const r = String.raw;
const p = crisisPattern;

const USED = r`(?:took|taken|had|did|used|snorted|sniffed|smoked|drank|mixed|shot up|injected|popped|dropped|me tome|me meti|consumi|mezcle|me inyecte|fume|bebi)`;
const SYMPTOM = r`(?:numb|tingly|tingling|slurr\w*|seeing double|gasping|can not breathe|barely breathing|heart (?:is )?(?:racing|pounding|skipping|beating (?:so )?(?:fast|weird))|chest (?:is )?(?:tight|hurts|pain|on fire)|so heavy|can not move|can not feel my \w+|turning blue|nodding (?:off|out)|passing out|keep passing out|can not stay awake|throwing up|shaking (?:so bad|uncontrollably)|no siento (?:las|los|la|el) \w+|veo todo negro|me duele (?:mucho )?el pecho|el corazon (?:me va a mil|a mil|me late (?:muy )?(?:rapido|raro))|no puedo respirar|me estoy (?:desmayando|durmiendo)|me encuentro fatal)`;

export const situationPatterns: readonly CrisisPattern[] = [
  // ---- the body after using ----
  p('used-then-symptoms', 'overdose', 1, 'g', r`\b${USED}\b.{0,80}\b${SYMPTOM}\b|\b${SYMPTOM}\b.{0,60}\b(?:after|since) (?:i )?(?:took|using|used|that line|the pills|those pills|the bars|drinking|mixing)\b`),
  p('symptom', 'overdose', 0.5, 'gu', r`\b(?:lips|fingers|hands|face|legs|arms|tongue) (?:are |is |feel |feels |going |gone |so )?(?:numb|tingly|tingling|blue|cold and)\b|\bseeing double\b|\bspeech is slurr\w*|\bslurring\b|\b(?:keep )?gasping for (?:air|breath)\b|\bbreathing keeps stopping\b|\bkeep (?:stopping breathing|forgetting to breathe)\b|\bveo todo negro\b|\bme encuentro fatal\b|\bno siento (?:las piernas|los brazos|la cara|los labios)\b|\blabios (?:dormidos|adormecidos|entumecidos)\b|\bme estoy cabeceando\b|\bme estoy desmayando\b`),
  p('drowsy', 'overdose', 0.5, 'gu', r`\bso (?:sleepy|heavy) (?:i|and)\b|\bso sleepy\b(?= *(?:$|\.))|\bcan (?:barely|hardly|not) (?:keep my eyes open|stay awake|move my \w+)\b|\bpupils (?:are )?(?:tiny|pinned|pinpoint)\b|\bforgetting to breathe\b|\bno puedo (?:mantener los ojos abiertos|mantenerme despiert[oa])\b`),
  p('turning-blue', 'overdose', 1, 'g', r`\b(?:my )?(?:lips|fingertips|fingers|nails|face)(?: and (?:my )?\w+)? (?:are |is )?(?:going|turning|gone|turned) (?:purple|blue|grey|gray)\b|\b(?:se me )?(?:estan poniendo|ponen) (?:morados|azules) (?:los labios|los dedos)\b`),
  p('took-the-rest', 'overdose', 1, 'g', r`\b(?:then |and |also )?(?:took|swallowed|downed|popped) the rest(?: of them| of it| of the \w+)?(?: too| as well)?\b(?<=\b(?:then|and|also) (?:took|swallowed|downed|popped) the rest\b.{0,20})`),
  p('es-whole-box', 'overdose', 1, 'g', r`\b(?:me he tomado|me tome|me trague|se tomo|se ha tomado|me meti) (?:la|el|una|un) (?:caja|frasco|bote|blister|tira|sobre) (?:entera|entero|completa|completo)\b|\bme pase de (?:la )?dosis\b`),

  // ---- someone else, not responding ----
  p('bystander', 'overdose', 1, 'g', r`\b(?:sin reaccionar|no reacciona|se quedo dormid[oa] con la cara (?:azul|morada)|tiene la cara (?:azul|morada)|cara (?:azul|morada) y no)\b|\b(?:se (?:ha caido|cayo) redondo|se desplomo)\b.{0,80}\b(?:no contesta|no responde|no reacciona|no despierta)\b|\b(?:face|lips) (?:is |are )?(?:blue|purple|grey|gray)\b(?=.{0,80}\b(?:not|can not|will not|breath|wake|respond|help|what do)\b)|\bbreathing (?:like )?(?:every|once every) (?:\d+|few|ten|twenty) seconds\b|\b(?:he|she|they) (?:is |are )?(?:barely|hardly) breathing\b`),

  // ---- farewells and preparations ----
  p('better-without-me', 'suicide', 1, '', r`\b(?:better|better shot|better life|better chance|easier|happier|lighter) without me(?: around| here| in (?:it|their lives|the picture))?\b`),
  p('need-it-more', 'suicide', 0.5, 'u', r`\b(?:she|he|they|you|my \w+)(?: will| would)? (?:need|use|enjoy) (?:it|them|this|the money) more than (?:me|i do|i will)\b|\b(?:wont|will not) have to (?:worry about me|deal with me|put up with me|see me|cry for me)(?: anymore| much longer)?\b|\bsoon (?:she|he|they|you) (?:wont|will not) have to\b`),
  p('counting-down', 'suicide', 0.5, 'u', r`\bcounting (?:down )?the (?:hours|days|minutes)\b(?! (?:until|till|til) (?:my|the|i|we|our|vacation|holiday|christmas|payday|the weekend))`),
  p('stay-asleep', 'suicide', 1, 'n', r`\b(?:go to sleep|fall asleep|sleep) and (?:stay asleep|never wake|not wake|stay that way)\b|\bno quiero (?:ver|vivir) otro (?:amanecer|dia|ano|cumpleanos)\b`),
  p('giving-up-for-good', 'suicide', 1, 'n', r`\bgiving up on (?:me|myself|life|everything)(?: too)? (?:for good|forever|for real this time)\b`),
  p('will-find-letter', 'suicide', 1, '', r`\b(?:will|ll|is going to|going to) find (?:the|my) (?:letter|note|letters|notes)\b|\b(?:find|read) (?:the|my) (?:letter|note) (?:when|after|once|tomorrow)\b`),
  p('es-farewell-media', 'suicide', 1, 'b', r`\b(?:video|videos|mensaje|mensajes|audio|audios|nota|notas) de despedida\b|\bpuente\b.{0,100}\bno me bajo\b|\bpor si (?:algo|me) pasa(?: algo)? (?:esta noche|hoy|manana)\b|\bcuide(?:n)? (?:a |de )?mis \w+ para siempre\b`),
  p('es-me-mato-when', 'suicide', 1, 'nh', r`\b(?:hoy|esta noche|manana|ya|ahora) me mato\b`),
  p('gave-away', 'suicide', 0.5, 'u', r`\b(?:gave|giving|give) away my (?:guitar|records|stuff|things|dog|cat|clothes|chips|tools|books|games)\b|\bsold my (?:tools|stuff|things|guitar|car) (?:for|and)\b.{0,60}\b(?:need it|soon|sister|brother|mom|kids)\b`),

  p('note-written', 'suicide', 1, 'n', r`\b(?:finished|done|finish|finishing) writing (?:the|my) (?:note|letter)\b|\b(?:termine|acabe) de escribir (?:la|mi) (?:nota|carta)\b`),
  p('date-set', 'suicide', 0.5, 'u', r`\b(?:set|picked|chose|chosen|have) (?:the|a) (?:date|day|time|place)\b(?! (?:for (?:the|our|my) (?:wedding|party|meeting|trip|move|interview|exam|appointment)))|\b(?:ya )?elegi (?:el|la) (?:lugar|hora|dia|fecha)\b`),
  p('before-i-go', 'suicide', 0.5, 'ub', r`\bbefore i go\b(?! (?:to|out|home|on|back|shopping|in|into|for|there|away|up|down))|\bantes de irme\b(?! (?:a|de|al|para))`),
  p('last-one', 'suicide', 0.5, 'u', r`\b(?:last|final) (?:dinner|meal|supper|drink|cigarette|photo|picture|hug|goodbye)\b|\b(?:ultima|ultimo) (?:cena|comida|copa|cigarro|foto|abrazo)\b|\b(?:they|ellos|nadie) (?:dont|do not|no) (?:know|sabe|saben)(?: that)? (?:it was|que (?:era|fue)) (?:the|la|el) (?:last|ultim[oa])\b`),
  p('not-coming-back', 'suicide', 0.5, 'u', r`\b(?:not|never|wont be|will not be) (?:coming|going) back\b(?! (?:to (?:drinking|using|that|him|her|them|the (?:bar|old|dealer))|there))|\bno (?:voy a )?(?:regresar|volver)(?! a (?:beber|tomar|consumir|usar|eso|el|la|los|las))\b|\bone way (?:bus |train |plane |flight )?ticket\b`),
  p('after-me', 'suicide', 0.5, 'u', r`\bmy ashes\b|\bmis cenizas\b|\b(?:paid|paying|pague|pagar) (?:for )?(?:el |mi |my )?(?:entierro|funeral|cremacion|cremation)\b|\b(?:passwords?|contrasenas?|claves?)\b.{0,80}\b(?:will find|van a encontrar|encontrara|find it|lo va a encontrar)\b|\b(?:not|no) (?:to )?owe (?:anybody|anyone) anything\b|\bno deberle nada a nadie\b|\bno point setting an alarm\b`),
  p('done-by-then', 'suicide', 1, '', r`\b(?:para entonces|by then) (?:ya )?(?:va a estar|it will be|it ll be|it will all be) (?:hecho|done|over)\b|\bwaiting for it to get dark\b|\bthe forever kind\b|\bgive (?:him|her|them) (?:his|her|their) wish\b`),

  // ---- self-harm said as a state ----
  p('break-own-bones', 'self-harm', 1, 'n', r`\b(?:break|breaking|snap) my own (?:bones|arm|arms|hand|hands|fingers|wrist|leg)\b`),
  p('new-scars', 'self-harm', 1, 'n', r`\bscars?\b.{0,60}\bnew ones\b|\bcastigarme\b.{0,60}\b(?:encendedor|cuchilla|navaja|gillette)\b`),
  p('go-deeper', 'self-harm', 0.5, 'u', r`\b(?:go|cut|going) deeper\b|\bused the (?:pieces|shards|glass) (?:on|to)\b`),

  // ---- danger at the door ----
  p('intruder', 'danger', 1, 'g', r`\b(?:someone|somebody|a (?:man|guy|stranger)|some (?:men|guys)|people) (?:is |are )?(?:in|inside) (?:my|the|our) (?:house|apartment|flat|room|building)\b(?=.{0,80}\b(?:heard|hear|glass|broke|scared|hide|hiding|help|not supposed|do not know)\b)|\b(?:pushed|forced|broke|breaking|barged) (?:their way |his way |her way )?(?:in|into) (?:my|our|the) (?:apartment|house|flat|room|place)\b`),
  p('outside-my', 'danger', 0.5, 'u', r`\b(?:someone|somebody|a (?:man|guy|stranger)|there is someone|theres someone) (?:is )?(?:on|at|outside|by) my (?:balcony|window|door|porch|yard|car)\b|\b(?:estan|esta) (?:afuera|fuera|en la puerta|abajo)(?: de (?:mi|la) casa)? (?:gritando|golpeando|tirando|esperando|con un|con una)\b|\bme (?:vinieron|vienen) a buscar\b`),
  p('es-confined', 'danger', 1, 'g', r`\bno me (?:deja|dejan) (?:bajar|salir|irme)\b|\bamenaz\w* con (?:matar|apunalar|pegar|disparar|golpear|quemar)(?:me| a)?\b|\bpulled (?:a|his|her|their) (?:gun|knife) on (?:me|us)\b`),
  p('coming-for-family', 'danger', 0.5, 'u', r`\b(?:viene|vienen|va a venir) (?:a por|por) (?:mi|mis|nosotros)\b|\b(?:coming|come) for my (?:kids|children|family|mom|daughter|son)\b`),
  p('crash', 'danger', 0.5, 'u', r`\b(?:crashed|wrecked|flipped|totaled) (?:my|the) car\b|\b(?:leg|arm|foot|hand) is (?:stuck|trapped|pinned)\b|\bchoque (?:el|mi) (?:carro|coche|auto)\b`),
  p('drunk-driving-kids', 'danger', 1, 'g', r`\b(?:drunk|high|wasted) (?:driving|behind the wheel)\b.{0,60}\b(?:kids|children|cousins|baby|son|daughter|in the car)\b|\bmanejando (?:borracho|pedo|drogado)\b.{0,60}\b(?:ninos|hijos|primos|bebe)\b`),
  p('fire', 'danger', 1, 'g', r`\b(?:the (?:house|building|apartment|kitchen|flat) is on fire|there is (?:a )?fire in|smoke (?:everywhere|in the (?:hall|hallway|stairs))|hay (?:fuego|humo|un incendio) (?:en|por)|sale humo (?:por|de|debajo)|smoke (?:coming )?(?:under|through) the door|se (?:esta )?quemando (?:la|el|mi) (?:casa|edificio|piso|cocina|depa))\b`),
];
