/*
 * What a crisis sounds like, as patterns over normalized text (see normalize.ts), in English and Spanish.
 * Written from crisis-line guidance: direct and indirect suicidal thoughts (wishes to die, goodbyes, plans and
 * means, being a burden, giving things away), self-harm now, an overdose or medical emergency now (also someone
 * else's), and violence or threats now. `weight` 1 is enough on its own; 0.5 needs a second signal.
 */

export type CrisisCategory = 'suicide' | 'self-harm' | 'overdose' | 'danger';

export interface CrisisPattern {
  readonly id: string;
  readonly category: CrisisCategory;
  readonly re: RegExp;
  readonly weight: 1 | 0.5;
}

const p = (id: string, category: CrisisCategory, weight: 1 | 0.5, source: string): CrisisPattern => ({ id, category, weight, re: new RegExp(source) });

const DRUGS = '(pills|tablets|meds|medication|xanax|xans|oxy|oxys|percs|bars|benzos|clonazepam|valium|sleeping pills|painkillers|fent|fentanyl|heroin|dope|tylenol|paracetamol|acetaminophen|ibuprofen|insulin|pastillas|clonazepam|ativan|lorazepam)';

export const crisisPatterns: readonly CrisisPattern[] = [
  // ---- suicide: saying it ----
  p('kill-myself', 'suicide', 1, `\\b(kill|killing|end|ending|hang|hanging|shoot|shooting|drown|drowning|off|offing|poison|poisoning) (myself|my own self)\\b`),
  p('suicide-word', 'suicide', 1, `\\bsuicide\\b`),
  p('unalive', 'suicide', 1, `\\bunalive\\b`),
  p('end-my-life', 'suicide', 1, `\\b(end|ending|take|taking|finish|finishing) (my|my own) life\\b`),
  p('end-it', 'suicide', 1, `\\b(end|ending|finish) (it|it all|everything|things|this)\\b(?! (with|between|off with))`),
  p('want-to-die', 'suicide', 1, `\\b(want|wanting|going|ready|planning|plan|trying|need|deserve|wish i could|would rather|should|prefer) (to |just )?(die|be dead|not be alive|not exist|stop existing|not wake up|never wake up|disappear forever|go to sleep forever|sleep forever|let go for good|go for good)\\b`),
  p('wish-dead', 'suicide', 1, `\\b(wish|hope) (i|i was|i were|i could be|to be) (was |were )?(dead|gone for good|never born|not alive|not here anymore)\\b|\\b(wish|hope) i (die|died|do not wake up|never wake up|get hit by)\\b`),
  p('no-live', 'suicide', 1, `\\b(do not|no longer|not|never) (want|wanna|wish) to (live|be alive|be here|exist|go on|wake up|keep living)\\b`),
  p('not-worth-living', 'suicide', 1, `\\b(not|is not|isnt) worth (living|it anymore|being alive)\\b|\\bwhy (bother|keep|even bother) (living|being alive|going on|trying anymore)\\b|\\bwhat is the point (of|in) (living|being alive|staying sober|going on|any of (it|this) anymore)\\b|\\bno (reason|point) (to|in) (live|living|be alive|keep living|go on|going on|staying alive|anything anymore)\\b`),
  p('better-without-me', 'suicide', 1, `\\b(better|easier|happier|fine) (off )?(dead|without me|if i (just )?(was|were) (dead|gone|not (here|in it|around|alive))|if i (just )?(died|did not exist|disappeared))\\b|\\b(be|is|are|would be) (better|fine|happier|easier) without me\\b|\\beverything would be easier if i (was|were) dead\\b`),
  p('gone-soon', 'suicide', 1, `\\b(not|will not|will never|not going to) be (around|here)( much longer| for long| tomorrow| anymore| after tonight)?\\b|\\b(after|when|if|once) i am (gone|dead|not here)\\b|\\bi will not be here tomorrow\\b|\\bno one will have to deal with me\\b|\\bafter tonight\\b.*\\b(me|i)\\b.*\\b(gone|over|done)\\b`),
  p('sleep-forever', 'suicide', 1, `\\b(sleep|go to sleep|fall asleep|close my eyes|dormir|dormirme) (and|y) (not|never|no) (wake|despertar)|\\bif i (do not|never) wake up\\b`),
  p('stop-forever', 'suicide', 1, `\\b(want|need) (it|everything|the pain|this) (all )?to (stop|end) (forever|for good|permanently)\\b`),
  p('goodbye-all', 'suicide', 1, `\\b(goodbye|bye|adios) (everyone|everybody|all of you|a todos)\\b|\\bpills\\b.*\\b(goodbye|bye)\\b|\\b(goodbye|bye)\\b.*\\bpills\\b|\\bgrave\\b.*\\bsoon\\b`),
  p('dont-stop-me', 'suicide', 1, `\\bdo not try to stop me\\b|\\bplan is set\\b|\\bhave it all planned\\b`),
  p('goodbye', 'suicide', 0.5, `\\b(goodbye|bye|farewell|sorry everyone|forgive me|im sorry for everything|i am sorry for everything|it was not anyones fault|not anyone's fault)\\b`),
  p('final-goodbye', 'suicide', 1, `\\b(goodbye|bye) (forever|for good|cruel world|world)\\b|\\b(final|last) (goodbye|message|words|note)\\b|\\bthis is (my|the) (last|final) (message|time|goodbye)\\b|\\btonight is the night\\b|\\bsaying goodbye (because|cause|since) i\\b`),
  p('note-will', 'suicide', 1, `\\b(wrote|written|writing|write|left|leaving|finished) (a |my )?(suicide note|goodbye (note|letter)s?|note to|letters? to (my|everyone)|will and a note|my will)\\b|\\bwho gets my\\b|\\btake care of my (cat|dog|kids|pets?) (after|when) i\\b`),
  p('giving-away', 'suicide', 1, `\\bgiving (away )?(all )?my (stuff|things|belongings|pets?|dog|cat)( away)?\\b|\\bwill not need (them|it|my \\w+) (anymore|much longer)\\b|\\bdeleted all my accounts\\b`),
  p('no-one-miss', 'suicide', 1, `\\b(no one|nobody) (will|would|is going to)( even)? (miss|notice|care)( me)?( if| when| once)?\\b`),
  p('burden', 'suicide', 0.5, `\\b(i am|i feel like|feel like) (a|such a) burden\\b`),
  p('stop-being', 'suicide', 0.5, `\\bstop(ped)? being (one|a burden|around)\\b`),
  p('plan', 'suicide', 0.5, `\\b(my|the|a) plan( is set| for (tonight|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday))\\b|\\bi have (decided|made up my mind)\\b|\\bi have decided\\b|\\bdo not try to stop me\\b|\\bi am at peace with it\\b`),
  p('means', 'suicide', 1, `\\b(most )?(painless|quickest|easiest|surest) way to (go|die|end|do it)\\b|\\bways to (die|end it|kill)\\b|\\bhow (many|much) .{0,40}(would take|to (die|not wake up|end it|overdose)|is (lethal|enough))\\b|\\bhurts? to (hang|die|jump|drown)\\b|\\bstanding on (the|a) (bridge|roof|ledge|edge)\\b|\\bpills (lined up|saved|ready)\\b|\\bsaving (them|my meds|my pills|pills) up\\b|\\btake everything i have( left)?\\b|\\bbought a (gun|rope)\\b|\\b(rope|noose) (is )?(ready|up)\\b|\\b(drive|crash|drove) (my car )?into (a|the) (wall|tree|river|truck|lake)\\b|\\b(hit by|in front of) a (car|bus|train|truck)\\b|\\b(jump|jumping) (off|from|in front of)\\b|\\b(edge|ledge|bridge|roof|cliff|train tracks)\\b.*\\b(last|end|jump|stopping on|not coming back|peace|the view)\\b|\\buntil (my heart stops|i die|i am dead|i stop breathing)\\b|\\bgoing to join (her|him|them)\\b|\\bresearching ways\\b`),
  p('tired-of-life', 'suicide', 1, `\\b(done|finished) with (life|living|everything|it all|all of it|this life)\\b|\\b(tired|sick) of (living|being alive|life itself|fighting|trying to stay alive)\\b|\\bi am done\\b.*\\b(all of it|everything|life)\\b|\\blet go for good\\b`),
  p('cant-go-on', 'suicide', 1, `\\b(can not|could not) (go on|keep going|keep living|live like this|do (this|it) (anymore|any more|much longer)|take (it|this|the pain) (anymore|any more)|handle (it|this|life) (anymore|any more))\\b|\\bgive up on (life|living|everything)\\b|\\bhow much longer i can keep going\\b`),
  p('cant-cope', 'suicide', 0.5, `\\b(can not|could not) (do this|take (it|this)|cope|handle (it|this))\\b|\\bwhat is the point\\b|\\bno point (anymore|in anything)\\b|\\bi am not ok\\b|\\bthinking about (it|ending|dying|death)\\b`),
  p('voices-die', 'suicide', 1, `\\b(voices?|they|everyone) (say|says|tell me|tells me) (i|that i) should (just )?(die|kill myself|end it)\\b|\\bkill yourself\\b.*\\b(myself|telling myself|listen)\\b`),
  p('grave-pills', 'suicide', 0.5, `\\b(grave|soon|tonight)\\b`),
  // Broader phrasings from crisis-line guidance: passive wishes, no way out, euphemisms for dying, putting affairs in order.
  p('passive-wish', 'suicide', 1, `\\b(wish|hope) i (was not|were not|was never|were never) (here|born|alive)\\b|\\b(want|need) (out|it to be over|everything to stop|to stop existing|to not exist|to disappear)\\b|\\bwant (this|it all|everything) (to be )?over\\b`),
  p('no-way-out', 'suicide', 0.5, `\\b(no way out|no future|can not see a (future|way out)|do not see a (future|way out|point)|nothing left (for me|to live for)|no one left)\\b`),
  p('euphemism', 'suicide', 1, `\\b(permanent solution|easy way out|final exit|make it stop for good|end things|end it for good|put my affairs in order|say my goodbyes|last night on earth|you will not hear from me again|do not wait up for me|not be a problem for anyone|will not have to worry about me (anymore|again)|see (my|her|him) again soon)\\b`),
  p('method-words', 'suicide', 1, `\\b(slit|slitting|cut|cutting) my (wrists|throat)\\b|\\b(overdose|od) on purpose\\b|\\b(shoot|shooting) myself\\b|\\bblow my (brains|head) out\\b|\\b(jump|jumping|throw myself) (off|from|in front of|under)\\b|\\bstep in front of (a|the)\\b`),
  p('es-euphemism', 'suicide', 1, `\\b(me quiero ir de este mundo|irme de este mundo|dejar de existir|ya no quiero estar (aqui|en este mundo)|no quiero despertar|acabar con esto( de una vez)?|darme un tiro|colgarme|ahorcarme|cortarme las venas|tomarme todas las pastillas|no quiero seguir (aqui|viviendo)|ya no quiero vivir|quiero que (todo )?(se acabe|termine))\\b`),
  p('self-harm-more', 'self-harm', 1, `\\b(want|need|going) to (bleed|see blood)\\b|\\bbruis(e|ing) myself\\b|\\bfresh (cuts|burns)\\b|\\bopened (the|my) (cuts|wounds) (again|up)\\b|\\bbanging my head\\b`),
  p('overdose-more', 'overdose', 1, `\\b(overdid it|went too hard|dosed too (hard|much)|took too much|cannot breathe|hard to breathe|struggling to breathe|will not wake|not waking up|lips (look|are|went) (blue|purple))\\b`),
  p('danger-more', 'danger', 1, `\\b(he|she|they) (has|have|got|is holding) a (gun|knife|weapon)\\b|\\b(he|she|they) will not stop (hitting|hurting|choking|beating)\\b|\\bi am hiding from (him|her|them)\\b|\\bsays (he|she|they) will kill me\\b`),
  p('es-matarme', 'suicide', 1, `\\b(matarme|me mato|me (voy a|quiero|pienso|puedo) matar|quitar(me)? la vida|acabar con (mi vida|todo)|terminar con (mi vida|todo)|suicid\\w*|me suicido)\\b`),
  p('es-morir', 'suicide', 1, `\\b(quiero|quisiera|deseo|prefiero|me gustaria) (morir|morirme|estar muert[oa]|desaparecer( para siempre)?|dormir y no despertar)\\b|\\bojala (me muera|me muriera|estuviera muert[oa]|no despertar|no despierte)\\b|\\b(cansad[oa]|canse) de vivir\\b|\\bmejor desaparecer\\b`),
  p('es-no-vivir', 'suicide', 1, `\\bno (quiero|puedo) (seguir )?(vivir|viviendo|estar aqui|existir|despertar)\\b|\\bno (tengo|hay) (razon|razones|motivo|motivos|sentido) (para|de) (vivir|seguir)\\b|\\bno vale la pena (seguir|vivir)\\b|\\bq?ue sentido tiene (seguir|vivir)\\b`),
  p('es-mejor-sin-mi', 'suicide', 1, `\\b(estarian|estaran|seria|serian|estaria) mejor sin mi\\b|\\bmejor (muert[oa]|si no estuviera|si me muero)\\b|\\bnadie me (va a|iba a) (extranar|echar de menos)\\b`),
  p('es-despedida', 'suicide', 1, `\\b(adios|hasta nunca) (para siempre|mundo)\\b|\\b(ultimo|ultima) (mensaje|despedida|carta)\\b|\\bcartas? (de despedida|a mis hijos|a mi familia)\\b|\\bperdonenme\\b|\\bregalando mis cosas\\b|\\bya no (las|los) voy a necesitar\\b|\\bsi manana no contesto\\b`),
  p('es-plan', 'suicide', 1, `\\b(pastillas|cuerda|soga) (listas?|en el armario)\\b|\\btodo (planeado|preparado)\\b|\\b(tirarme|aventarme|lanzarme) (del|de un|de la|al)\\b|\\ben el puente y no\\b|\\bsoy una carga\\b.*\\b(dejare|pronto|ya no)\\b|\\bya decidi\\b`),
  p('es-no-aguanto', 'suicide', 0.5, `\\bno (aguanto|puedo) mas\\b|\\bya no (puedo|aguanto)\\b|\\bsoy una carga\\b|\\bnada tiene sentido\\b`),
  // ---- self-harm ----
  p('harm-myself', 'self-harm', 1, `\\b(cut|cutting|burn|burning|burned|hurt|hurting|harm|harming|hit|hitting|scratch|scratching|scratched|punish|punishing|starve|starving|carve|carving) (myself|my (arm|arms|wrist|wrists|leg|legs|thighs?|skin|body|face|stomach)|into my (skin|arm|arms|leg|legs))\\b`),
  p('cutting-now', 'self-harm', 1, `\\b(cutting|cut|burning|burned|hurting|harming) (again|tonight|right now)\\b|\\b(relapsed|relapsing|slipped) (on|into|with) (cutting|self harm|burning)\\b|\\burges? to (cut|burn|hurt myself|self harm)\\b|\\b(going|want|gonna|need|about) to cut\\b|\\bi am cutting\\b|\\bdeeper this time\\b|\\bmake myself (bleed|hurt)\\b|\\buntil (it|they|my \\w+) (bleeds?|bled|bleeding)\\b|\\b(slam|slamming|bang|banging|hit|hitting|punch|punching) (my head|my fist|the wall)\\b|\\b(head|fist|knuckles) (against|into) (the|a) wall\\b|\\bhot (iron|lighter|knife)\\b|\\bwith a lighter\\b`),
  p('self-harm-word', 'self-harm', 1, `\\bself harm(ing)?\\b`),
  p('blade', 'self-harm', 0.5, `\\b(razor|blade|blades|knife|lighter)\\b`),
  p('blood', 'self-harm', 0.5, `\\b(blood|bleeding|bleed|bled|stitches)\\b`),
  p('deserve-pain', 'self-harm', 0.5, `\\b(deserve (to hurt|it|pain|this)|need to feel (pain|something))\\b`),
  p('es-cortarme', 'self-harm', 1, `\\b(cortarme|me corto|me estoy cortando|me hice cortes|hacerme dano|me hago dano|lastimarme|me lastimo|quemarme|me quemo|autolesion\\w*|golpeando la cabeza|hacer(me)? dano|me corte otra vez)\\b`),
  p('es-corte', 'self-harm', 0.5, `\\bme corte\\b`),
  p('es-sangre', 'self-harm', 0.5, `\\b(sangr\\w*|sangre)\\b`),
  // ---- overdose / medical emergency now ----
  p('overdose-now', 'overdose', 1, `\\b(overdose|overdosing)\\b`),
  p('took-all', 'overdose', 1, `\\b(took|taken|swallowed|downed|take|taking|ate|mixed) (all (of )?(the|my)|the (whole|entire)|my whole|a (whole )?(bottle|handful|bunch|pack)|too (many|much)|way too (many|much)|double|triple|a lot of|like \\d+|about \\d+|around \\d+|\\d+)( \\w+)?( (bottle|pack|box|supply) of)? ?${DRUGS}?\\b`),
  p('not-breathing', 'overdose', 1, `\\b(is not|not|stopped|barely|can not|hardly|aint) breathing( right)?\\b|\\bcan not breathe\\b|\\b(no|can not find a|can not find his|can not find her) pulse\\b|\\bgurgling\\b|\\bsnoring weird\\b`),
  p('turning-blue', 'overdose', 1, `\\b(turning|turned|going|gone|went|is|are|look|looks) (blue|grey|gray|purple)\\b|\\b(lips|face|fingers|nails) (are|is|look|looks|turning|went) (blue|purple|grey|gray)\\b`),
  p('wont-wake', 'overdose', 1, `\\b(will not|can not|could not|does not|is not) (wake|waking) (up|him|her|them)\\b|\\b(can not|could not) wake (him|her|them|my \\w+)( up)?\\b|\\bunresponsive\\b|\\bnot responding\\b|\\bpassed out (cold|and)\\b|\\b(is not|not) moving\\b|\\beyes rolled back\\b|\\b(can not|could not) stay awake\\b|\\bslipping away\\b|\\bcollapsed\\b.*\\b(needle|using|after|pills)\\b|\\b(needle|using|pills)\\b.*\\bcollapsed\\b`),
  p('seizure', 'overdose', 1, `\\b(seizure|seizing|convulsing|foaming at the mouth)\\b`),
  p('narcan', 'overdose', 1, `\\b(narcan|naloxone)\\b`),
  p('heart-alarm', 'overdose', 0.5, `\\b(chest (pain|hurts|is tight)|(heart|chest) (is )?(racing|pounding)|heart pounding|throwing up blood|vomiting blood)\\b`),
  p('body-alarm', 'overdose', 0.5, `\\b((left|one) side is (going )?numb|numb (all over|everywhere)|everything (is )?going dark|seeing things|shaking|can not feel my)\\b`),
  p('substance-now', 'overdose', 0.5, `\\b(laced|got me|after the (coke|pills|dope|fent|shot|drink)|drank all day|after using|mixed \\w+ (and|with) \\w+|too much)\\b`),
  p('es-sobredosis', 'overdose', 1, `\\b(sobredosis|no respira|dejo de respirar|no puede respirar|no despierta|no reacciona|no responde|inconsciente|se (puso|esta poniendo) (azul|morad[oa])|labios morados|convulsion(ando|a)?|me tome (como |unas |unos )?(\\d+|todas|todo|un frasco|una caja|muchas)|me pase de dosis|se me cierran los ojos|mezcle pastillas)\\b`),
  // ---- danger / abuse now ----
  p('being-hurt', 'danger', 1, `\\b(he|she|they|someone|my (husband|boyfriend|girlfriend|wife|partner|dad|father|mom|mother|stepdad|stepfather|ex|brother|son|roommate|dealer)) (is|are|keeps|keep|started|just) (hitting|beating|choking|strangling|hurting|kicking|punching|attacking|threatening|raping|throwing things at) (me|us|my \\w+)\\b|\\b(beating|hitting|choking) my (mom|mother|sister|brother|kids?)( right now)?\\b`),
  p('assaulted', 'danger', 1, `\\b(he|she|they|someone|my \\w+) (just )?(choked|strangled|hit|punched|kicked|pushed|stabbed|beat|slapped|shoved|pointed a (gun|knife) at) (me|us)\\b`),
  p('will-hurt', 'danger', 1, `\\b(he|she|they|someone|my (husband|boyfriend|girlfriend|wife|partner|dad|father|ex|dealer|roommate|son)) (is going to|will|would|says (he|she|they) will|said (he|she|they) (will|would)|threatened to|threatens to|wants to) (kill|hurt|beat|stab|shoot) me\\b|\\bthreaten(ing|ed) (me|us)\\b|\\bnot leaving this house alive\\b|\\bit will be worse\\b`),
  p('not-safe', 'danger', 1, `\\b(i am not|i do not feel|not) safe (at home|here|right now|tonight|with (him|her|them))\\b|\\bi am (scared|afraid|terrified) (he|she|they) (will|is going to|might) (hurt|kill)\\b|\\bscared to go home\\b`),
  p('trapped', 'danger', 1, `\\blocked me (in|out)\\b|\\b(will not|is not) let(ting)? me (leave|out|go)\\b|\\btrapped\\b|\\bbreaking (in|down the door)\\b|\\bbroke into (my|our)\\b|\\b(someone|a man|a guy|he|they) (is|are) (following me|outside my (door|house|window)|looking for me)\\b|\\bfollowing me home\\b|\\bhiding (in|under) (the|a|my)\\b.*\\b(he|she|they|someone)\\b|\\b(he|she|they|someone)\\b.*\\bhiding (in|under)\\b`),
  p('weapon', 'danger', 0.5, `\\b(gun|knife|bat|bats|machete)\\b`),
  p('scared', 'danger', 0.5, `\\b(scared|afraid|terrified|help me|please help|call the police|send help)\\b`),
  p('cornered', 'danger', 0.5, `\\b(locked in|will not leave me alone|banging on the door|out front|found my place|hassling me|harassing me|cornered)\\b`),
  p('violence-now', 'danger', 1, `\\b(punching|hitting|beating|kicking|choking|strangling|attacking|stabbing|throwing things at) (me|us)\\b|\\bpointed a (gun|knife) at (me|us)\\b|\\b(choked|strangled|punched|kicked|pushed|stabbed|slapped|shoved) me\\b`),
  p('es-peligro', 'danger', 1, `\\b(me (esta|estan) (pegando|golpeando|ahorcando|amenazando)|me pega|me golpea|me (va|van) a matar|me quiere matar|me amenaza|amenazandome|no estoy (a salvo|segur[oa])|no me deja salir|me encerro|me ahorco|le esta pegando a|tiene un cuchillo|me escondi)\\b`),
  p('es-miedo', 'danger', 0.5, `\\b(tengo miedo|ayudenme|auxilio)\\b`),
  p('es-encerrada', 'danger', 0.5, `\\bestoy encerrad[oa]\\b`),
];

/*
 * What makes a match not a crisis: figures of speech, events told as the past, talk about prevention, learning or
 * media, harmless everyday uses, and the person saying plainly that they are not in danger.
 */
export const idioms: readonly RegExp[] = [
  /\b(is|are|was|were) killing me\b/,
  /\bwould kill for\b|\bkill (for|time)\b|\bkilled it\b|\bkilling it\b|\bdressed to kill\b/,
  /\bdying (to|of|for)\b|\bdie (of|from) (embarrassment|laughter|laughing|boredom|cringe|shame)\b|\bdied laughing\b|\bto die for\b|\b(would )?rather die than\b/,
  /\bdead (tired|serious|on my feet|wrong)\b/,
  /\boverdose on (?!(pills|meds|xanax|heroin|fent|fentanyl|oxy|benzos|drugs|coke|alcohol|my|his|her|their|something))\w+/,
  /\bmorir(me)? de (risa|verguenza|aburrimiento|hambre|sueno)\b|\bme muero de (risa|ganas|hambre|sueno|verguenza)\b|\bme mata (el|la|este|esta|ese|esa)\b/,
  /\bme va(n)? a matar si (llego|no|se entera|ve)\b|\b(jefe|jefa|mama|madre|abuela|maestra|profe|profesor|suegra)\b.{0,20}\bme va a matar\b/,
  /\b(el|la|ese|esa|este|esta) (chiste|examen|trabajo|dia|clase|tarea|calor|frio|partido|jefe|gym|entreno|viaje|turno) me mato\b|\bme mato (de risa|el|la)\b/,
  /\b(lol|lmao|jaja|jajaja|haha)\b.*\b(rather die|kill me now)\b|\bkill me now\b.*\b(staying|visiting|meeting|homework|exam|in-?laws)\b/,
];

/** Harmless everyday uses of words that also name danger. */
export const everyday: readonly RegExp[] = [
  /\b(cut|nicked) myself (while )?shaving\b|\bshaving cut\b|\b(hair|haircut|pelo|cabello|cebolla|onion|chopping|picando|paper cut|papercut)\b/,
  /\bcut(ting)? (ties|back|down|out|off|corners|class)\b/,
  /\b(heading to bed|see you|nos vemos|hasta manana|good night|goodnight|buenas noches|me voy a dormir|talk tomorrow|see ya)\b/,
  /\bas prescribed\b|\bmy (doctor|psychiatrist) (said|told|changed|upped)\b/,
];

/** Told as the past, from the safety of now. */
export const pastFrame: readonly RegExp[] = [
  /\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|few|couple of) (years?|months?|weeks?) ago\b/,
  /\bwhen (he|she|they|i|my \w+) (drank|used|was (drinking|using|high|drunk))\b/,
  /\b(used to|back when|back then|in the past|when i was (younger|a kid|a teen|using|drinking|in active)|years back|a while back|last year|in (19|20)\d\d|once, years ago|that night|attempt|tried to|survived|revived me|old scars|scars are old|anniversary)\b/,
  /\b(clean|sober|free) (from|of) (it|self harm|cutting)\b|\btoday i am (celebrating|grateful|alive)\b/,
  /\bhace (\d+|un|una|dos|tres|cuatro|cinco|varios|muchos|unos) (anos|meses|semanas)\b|\bsolia\b|\bantes (me|yo|pensaba|decia)\b|\bcuando (era|tomaba|consumia)\b|\bya no (me corto|lo hago|pienso)\b|\bmurio de\b|\bintente\b|\bcicatrices\b/,
];

/** Signs that something is happening now, which override a past frame. */
export const nowFrame: readonly RegExp[] = [/\b(right now|again|at the moment|currently|just now|ahora mismo|otra vez|de nuevo)\b/];

/** About others in general, learning, preparing, or media: not this person's emergency now. */
export const aboutOthersOrMedia: readonly RegExp[] = [
  /\b(suicide|overdose|self harm) (prevention|awareness|hotline|line|training|statistics|rates?|stigma|support group|attempt survivors?)\b/,
  /\b(documentary|movie|film|show|series|book|article|podcast|episode|song|lecture|class|course|training|talk|meeting|workshop|essay|paper|debate|debating) (about|on)\b|\b13 reasons why\b|\bfor my (psych|psychology|class|essay)\b/,
  /\b(narcan|naloxone) (kit|kits|training|class)\b|\bcarry(ing)? (narcan|naloxone)\b|\bgot (trained|a kit)\b/,
  /\bhow (do|can|should) (i|you|we) (help|support|talk to|respond|tell)\b|\bwhat (are|is) the signs\b|\bwhat should i do if\b|\bis it (true|ok|okay)\b|\banyone know (a|of|where)\b|\bwant to (be prepared|know ahead)\b|\bask(ing)? for (my|a) (friend|niece|nephew|sister|brother|cousin)\b|\bin group\b|\bat my home group\b/,
  /\bprevencion\b|\bprevenir\b|\bpelicula sobre\b|\bdocumental sobre\b|\bseñales de\b|\bsenales de\b|\bcomo (les )?hablo\b|\bquiero estar preparad[oa]\b|\ben el grupo hablamos\b/,
];

/** The person saying they are not in danger ("i'm not going to hurt myself"). */
export const negations: readonly RegExp[] = [
  /\b(not|never|no|would not|will not|do not|am not|not going to|never going to|no way i would) (be )?(suicidal|kill myself|hurt myself|harm myself|end it|end my life|die|cut|going to (kill|hurt) myself|use again)\b/,
  /\bnot (in danger|going to do anything)\b|\bi am safe\b|\bno (me )?quiero morir\b|\bno voy a (hacerme dano|matarme|cortarme)\b|\bestoy a salvo\b/,
];
