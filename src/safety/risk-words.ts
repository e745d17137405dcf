/**
 * Words that come with danger (dying, means, harm, violence, fear, goodbyes; EN and ES), on normalized text. A
 * short message is left to the learned model only when it holds one: on a few words the model reads too much into
 * "myself" or "go home", and in everyday chat that flagged one message in seven. The text is normalized first:
 * medicines by name are "meds" and "can't" is "can not" by then, so those are the forms named here.
 */
export const RISK_WORDS =
  /\b(die|dying|dead|death|kill|suicid|end (it|my|things)|pills?|overdos|od|hurt|cut|cutting|blood|bleed|burn|hang|rope|jump|bridge|gun|knife|blade|razor|hit|hits|hitting|beat|punch|choke|strangl|threat|scared|afraid|unsafe|locked|trapped|follow|stalk|weapon|goodbye|letter|note|burden|better off|no point|give up|gone|disappear|sleep forever|not wake|wake up|swallow|mixed|mix|meds|can not breathe|not breathing|unconscious|poison|shoot|drown|overdose|morir|muero|muerte|matar|pastillas|cortar|corto|sangre|colgar|cuerda|saltar|puente|pistola|cuchillo|golpe|pega|miedo|encerrad|amenaz|despedir|adi[oó]s|carta|carga|desaparecer|no despertar|ahorcar|tirarme|veneno|muert[oa]|vivir|gasp|pulse|heart|chest|numb|heavy|blue|purple|passed out|asleep|bars|too many|too much|the end|last|final|pain|let me go|tonight|door|balcony|ledge|roof|stash|respir|pecho|corazon|despedida|ultim[oa]|desmay|inconsciente|pulso|puerta|dormido|adormecid|morad[oa]|azul)/;
