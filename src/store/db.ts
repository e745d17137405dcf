import type { Database } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';

/** A transaction's client, or the database itself. */
export type Db = Database | Prisma.TransactionClient;
