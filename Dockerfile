# One image per service, from one multi-stage build:
#   docker build --build-arg SERVICE=spider .
#   docker build --build-arg SERVICE=waterstrider --build-arg MAIN=src/server/main.ts .
# Services run their TypeScript through tsx (a runtime dependency), so no compile step is needed;
# the console's browser bundle is built by Vite in its own stage.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json .npmrc ./
COPY apps ./apps
COPY libs ./libs
# --omit=dev keeps jest, eslint, vite and the build tools out of the runtime image.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS console
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm ci --no-audit --no-fund && npx vite build --config apps/waterstrider/vite.config.mts

FROM node:20-bookworm-slim AS runtime
ARG SERVICE
ARG MAIN=src/main.ts
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    MAIN=${MAIN} \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app /app
COPY --from=console --chown=node:node /app/apps/waterstrider/dist ./apps/waterstrider/dist
# tsx reads the root tsconfig for the decorator settings TypeORM entities need.
COPY --chown=node:node tsconfig.base.json tsconfig.json ./
COPY --chown=node:node deploy/kong ./deploy/kong
COPY --chown=node:node tools/build-driver ./tools/build-driver
USER node
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node_modules/.bin/tsx apps/${SERVICE}/${MAIN}"]
