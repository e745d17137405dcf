/** `npm run db:migrate`: creates the database if needed and applies pending migrations, as start-up does. */
import { ConfigError, loadConfig } from '../src/config/load.js';
import { migrate, redactUrl } from '../src/db/migrate.js';

try {
  const config = loadConfig();
  const outcome = await migrate(config.DATABASE_URL);
  if (outcome.createdDatabase) console.log(`created database ${redactUrl(config.DATABASE_URL)}`);
  console.log(outcome.applied.length ? `applied ${outcome.applied.join(', ')}` : 'the database is up to date');
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `migration failed: ${(error as Error).message}`);
  process.exit(1);
}
