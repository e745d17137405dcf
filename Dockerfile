# Tether as one image: the same image runs every role (TETHER_ROLE=all, gateway or worker).
# Debian slim, not Alpine: @napi-rs/canvas (the /trends chart) ships prebuilt binaries for glibc.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install everything, generate the Prisma client, then drop the dev dependencies ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency's install script is needed (native parts come as prebuilt optional packages), and
# Prisma's would download a schema engine Tether never runs. Our own postinstall (client generation) runs below,
# once the schema is in place.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
# Generates src/generated/prisma (the prisma CLI is a dev dependency), then builds dist/ (TypeScript and @types/node
# are too), then drops the dev dependencies. The prune keeps what @prisma/client names as optional peers (the prisma
# CLI, TypeScript); prune-dev-tools removes those too. The server runs the built JavaScript (no TypeScript loader in
# the process: about 30 MB less); scripts (discord:register) still run the sources through tsx, a dependency.
COPY tsconfig.build.json ./
COPY src ./src
RUN npm run generate \
  && npx tsc -p tsconfig.build.json \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
  && node --import tsx scripts/prune-dev-tools.ts \
  && npm cache clean --force

# --- runtime: production dependencies, the built server, the sources (for scripts) and fonts for chart text ---
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
# NODE_OPTIONS, as `npm run bench` measures them: one V8 background thread (each otherwise holds compilation memory
# for Prisma's wasm), and a small young and a 128 MB old generation, so garbage is collected before the heap grows
# to a few times what is live. 10,000 active conversations peak at about 170 MB this way (heap at rest: about 62 MB;
# the conversation cache holds at most 10,000). Override NODE_OPTIONS in .env to give a busy process more room.
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080 \
    NODE_OPTIONS="--v8-pool-size=1 --max-semi-space-size=1 --max-old-space-size=128"
WORKDIR /app
# Owned by root and read-only for the app user: Tether writes nothing to its own directory in production
# (ENCRYPTION_KEY comes from the environment, logs go to stderr).
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/src ./src
COPY --from=build /app/dist/src ./dist/src
USER node
EXPOSE 8080
# /healthz answers as soon as the process is up; node instead of curl, which slim images lack.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm start: SIGTERM from `docker stop` reaches Tether directly, which then finishes its work and
# closes its connections (give it time: stop_grace_period in docker-compose.yml).
CMD ["node", "dist/src/main.js"]
