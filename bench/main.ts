/** `npm run bench` starts here; the benchmarks live in run.ts (see there). */
import './run.js';
