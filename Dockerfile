# syntax=docker/dockerfile:1
# One image for the five services and the CLI; the command picks which (docker-compose.yml, k8s/):
#   node dist/apps/<service>/src/main.js   a service
#   node apps/cli/bin/clearing.js <cmd>    the CLI (db migrate, db wait, topics create, keys, replay, verify)
# A spec (apps/cli/src/infra/dockerfile.spec.ts) parses this file: entry points, non-root, no dev deps.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests before the apps' sources, so the dependency layer is reused while only apps change. libs/
# whole: npm ci needs every workspace's package.json, and COPY cannot keep a glob's directories.
COPY package.json package-lock.json ./
COPY apps/cli/package.json apps/cli/package.json
COPY libs libs
# --ignore-scripts: the root "prepare" would build before the sources are copied; built below instead.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY migrations migrations
# Then what the runtime stage needs besides dist/: the workspace manifests npm links and their entry
# files (libs/*/*.js: index.js and subpath entries such as margin-engine/service.js, which point into
# dist/), the CLI's bin, and the risk page's static files.
RUN npm run build \
  && mkdir -p /runtime \
  && cp --parents libs/*/package.json libs/*/*.js apps/cli/package.json apps/cli/bin/clearing.js /runtime/ \
  && cp -r --parents apps/clearing-api/risk-page /runtime/

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /runtime/ ./
# Production dependencies only; no scripts (nothing here is built, and "prepare" would need tsc).
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist dist
COPY config config
# The image's own node user (uid 1000): files stay root-owned, so the process cannot change its code,
# and k8s can run it with a read-only root filesystem (only /tmp is written).
USER node
EXPOSE 3000 3001 3002 3003 3004
CMD ["node", "apps/cli/bin/clearing.js", "help"]
