import { defineConfig } from 'prisma/config';

// Prisma 7 reads no .env itself. Migrations are applied by `npm run db:migrate` (src/db/migrate.ts),
// which works offline; this file only tells the Prisma CLI where the schema and migrations live.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/tether' },
});
