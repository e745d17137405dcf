import { breathe } from './breathe.js';
import { checkin } from './checkin.js';
import { consent } from './consent.js';
import { cravingFollowUp } from './craving-follow-up.js';
import { crisis, crisisEs } from './crisis.js';
import { safetyCheck, safetyCheckEs } from './safety-check.js';
import { forget, myData } from './data-rights.js';
import { ground } from './ground.js';
import { community } from './community.js';
import { pause, resume, schedule } from './schedule.js';
import { selfCompassion } from './self-compassion.js';
import { urgeSurfing } from './urge-surfing.js';
import { plan } from './plan.js';
import { slip, slipFollowUp } from './slip.js';
import { history, trends } from './history.js';
import { support, supporters } from './supporters.js';
import { reachOut } from './reach-out.js';
import { eventCheckin, eventPlan } from './event.js';
import { link, unlink } from './link.js';
import { milestones } from './milestones.js';

/** Every flow Tether ships, in the order /help lists them. */
export const builtInFlows = [
  checkin,
  breathe,
  ground,
  urgeSurfing,
  selfCompassion,
  supporters,
  reachOut,
  support,
  plan,
  eventPlan,
  slip,
  history,
  trends,
  milestones,
  crisis,
  crisisEs,
  safetyCheck,
  safetyCheckEs,
  schedule,
  pause,
  resume,
  link,
  unlink,
  myData,
  forget,
  community,
  cravingFollowUp,
  slipFollowUp,
  eventCheckin,
  consent,
];
