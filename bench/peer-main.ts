/**
 * `npm run bench:peer [tether|plugin]`: only the comparison with grammY's conversations plugin (bench/peer-conversations.ts),
 * for working on the Telegram path without the whole bench. Prints the table; writes nothing.
 */
import { measurePeerConversations, type Framework } from './peer-conversations.js';

const only = process.argv[2] as Framework | undefined;
const peer = await measurePeerConversations(only ? [only] : undefined);
console.table(peer.rows);
if (peer.ratios.length) console.table(peer.ratios);
process.exit(0);
