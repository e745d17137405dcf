import type { CrisisTexts } from './index.js';

/**
 * Crisis help in Spanish: de tú, cálido y sencillo, neutro para España y América Latina, centrado en la persona
 * (nunca "adicto", "limpio" ni "sucio").
 */
export const es: CrisisTexts = {
  crisisTitle: 'Apoyo en crisis',
  crisisSummary: 'ayuda ahora mismo: números de emergencia, líneas de crisis y alguien con quien respirar',
  now: 'Estoy aquí contigo. *¿Tú o alguien que está contigo está en peligro ahora mismo?*',
  nowEmergency: 'Sí, ahora mismo',
  nowStruggling: 'No, pero lo estoy pasando mal',
  emergency:
    '*Por favor, llama ahora al {@emergency}.* Los servicios de emergencia pueden ayudar más rápido que nadie aquí.\n\n' +
    'Si alguien está inconsciente, no respira o ha tomado demasiado, quédate a su lado y sigue lo que te indiquen en la llamada. ' +
    'Si no estás a salvo donde estás, ve a un lugar más seguro o busca a otras personas, si puedes.',
  struggling:
    'Me alegra mucho que me lo hayas contado. Lo que sientes importa, y ahora mismo no tienes que cargar con ello sin ayuda.\n\n' +
    'Si sientes que podrías llegar a quitarte la vida o hacerte daño, por favor llama ahora al *{@emergency}*.',
  lines: 'Hay personas que están ahí justo para esto, a cualquier hora:\n{@crisisLines}\n\n_Soy un bot de apoyo entre pares, no un servicio de emergencias, pero puedo quedarme aquí contigo._',
  regionAsk: '¿En qué país estás? Así puedo darte los números correctos, y lo recordaré para la próxima vez.',
  regionNames: { US: 'Estados Unidos', GB: 'Reino Unido', ES: 'España', MX: 'México', CA: 'Canadá', AU: 'Australia' },
  regionOther: 'Otro país',
  regionLines: (name, emergency, lines) => `Gracias. En ${name}, ante una emergencia llama al *${emergency}*. Líneas que atienden a cualquier hora:\n${lines.map((l) => `• ${l}`).join('\n')}`,
  regionOtherLines: 'Gracias. En findahelpline.com encontrarás líneas gratuitas y confidenciales de muchos países, y el número de emergencias de tu país está ahí para cualquier cosa que esté pasando ahora.',
  offer: 'Mientras buscas ayuda, o si quieres algo de compañía ahora mismo:',
  offerBreathe: 'Respira conmigo',
  offerGround: 'Ejercicio 5-4-3-2-1',
  offerSomeone: 'Buscar a alguien de confianza',
  offerMisunderstood: 'Fue un malentendido',
  misunderstood: 'Gracias por decírmelo, y perdona por interrumpir. Prefiero preguntar antes que pasarlo por alto. Sigamos.',
  stillHere: 'Sigo aquí. Si las cosas empeoran, llama al {@emergency} o a una de las líneas de arriba. Con /sos vuelven a aparecer cuando quieras.',
  someoneAsk: '¿A quién te gustaría escribir? Son las personas que guardaste en /supporters.',
  someoneNone:
    'Piensa en quién suele darte calma: tu padrino o madrina, una amistad, alguien de tu grupo. Un mensaje corto basta, por ejemplo: ' +
    '_«Ahora mismo no estoy bien. ¿Me puedes llamar?»_ Pedir ayuda es un paso valiente.\n\n' +
    'Con /supporters puedes guardar a esas personas para la próxima vez, y /reachout te ayuda a escribirles.',
  someoneReachOut: 'Preparar un mensaje con /reachout',
  someoneNotNow: 'Ahora no',
  someoneHow: (n) => `Para hablar con {@supporter${n}}: {@how${n}}.\n\n¿Quieres que le envíe un mensaje a través de Tether (si aceptó ser tu persona de apoyo), o prefieres escribirle tú?`,
  sendThroughTether: 'Envíalo a través de Tether',
  sendMyself: 'Le escribo yo',
  request: 'Ahora mismo lo estoy pasando muy mal. ¿Me puedes llamar o venir a estar conmigo?',
  sent: 'Eso es lo que le envié. Pedir ayuda es un paso valiente.',
  ownWords: 'Un mensaje corto basta, por ejemplo: _«Ahora mismo no estoy bien. ¿Me puedes llamar?»_ Pedir ayuda es un paso valiente.',
  back: '¿Volvemos a lo que estábamos haciendo?',
  backYes: 'Sí, volvamos',
  backNo: 'Ahora no',
  resumed: 'Muy bien. Seguimos donde lo dejamos.',
  setAside: 'De acuerdo. He dejado a un lado lo que estábamos haciendo; {@pausedCommand} lo empieza de nuevo cuando quieras. /sos está aquí a cualquier hora.',
  checkTitle: 'Pregunta de seguridad',
  checkSummary: 'una pregunta con calma cuando algo que escribes podría significar que no estás a salvo',
  checkAsk: 'Algo de lo que escribiste hizo que quisiera preguntarte, con calma.\n\n*¿Estás a salvo ahora mismo?*\n\nSi estás en peligro, por favor llama al *{@emergency}*.',
  checkSafe: 'Sí, estoy a salvo',
  checkNotSafe: 'No, no lo estoy',
  checkTalk: 'Quiero hablar con alguien',
  checkSafeSay: 'Gracias por decírmelo. Me alegra. Si eso cambia, /sos está aquí a cualquier hora.',
  checkSafeResume: 'Seguimos donde lo dejamos.',
  checkTalkSay: 'Hablar con alguien puede ayudar de verdad. Estas líneas atienden a cualquier hora:\n{@crisisLines}',
  // Read after "llama al": "llama al número de emergencias…".
  internationalEmergency: 'número de emergencias de tu país (el 112 funciona en muchos países)',
  internationalLine: 'Encuentra una línea gratuita y confidencial cerca de ti en findahelpline.com',
  groupSos: (emergency) => ({
    bold: `Si tú o alguien que está contigo está en peligro ahora mismo, llama al ${emergency}.`,
    rest:
      'Una línea de crisis gratuita y confidencial en tu país: findahelpline.com\n\n' +
      'Para más apoyo (respirar juntos, tu plan, tus personas de confianza), hablemos en privado: toca el botón de abajo.',
  }),
  privateButton: 'Hablar en privado',
};
