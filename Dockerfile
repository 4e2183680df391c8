# syntax=docker/dockerfile:1
# One image per Node service; build arguments choose which (docs/deploy.md):
#   docker build --build-arg SERVICE=services/access --build-arg PORT=4002 -t behorig-access .
#   docker build --build-arg SERVICE=gateway --build-arg PORT=4000 -t behorig-gateway .
# The same image runs the subgraph's migration job: `node --conditions=dist dist/migrate.js`.
# Docker cannot run on our development machines: scripts/check-images.mjs runs these steps in a
# clean copy of the repository (CI) and then starts the result.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Compile kit, the subgraphs and the gateway (tsc → dist/). Every workspace's package.json is
#    copied, bench and web too, because `npm ci` checks the lockfile against the whole tree; only
#    the server workspaces (and the root's build tools) are installed.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
COPY services/kit/package.json services/kit/
COPY services/organisations/package.json services/organisations/
COPY services/access/package.json services/access/
COPY services/signing/package.json services/signing/
COPY gateway/package.json gateway/
COPY web/package.json web/
COPY bench/package.json bench/
RUN npm ci --include-workspace-root -w @behorig/kit -w @behorig/organisations -w @behorig/access -w @behorig/signing -w @behorig/gateway
COPY tsconfig.base.json ./
COPY services services
COPY gateway gateway
RUN npm run build -w @behorig/kit && npm run build -w @behorig/organisations -w @behorig/access -w @behorig/signing -w @behorig/gateway

# 2. Runtime dependencies only: no TypeScript, tsx, jest or embedded-postgres.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
COPY services/kit/package.json services/kit/
COPY services/organisations/package.json services/organisations/
COPY services/access/package.json services/access/
COPY services/signing/package.json services/signing/
COPY gateway/package.json gateway/
COPY web/package.json web/
COPY bench/package.json bench/
RUN npm ci --omit=dev --ignore-scripts -w @behorig/kit -w @behorig/organisations -w @behorig/access -w @behorig/signing -w @behorig/gateway \
  && npm cache clean --force

# 3. The service: compiled code and runtime dependencies, owned by root and run as `node`.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=gateway
ARG PORT=4000
ENV NODE_ENV=production HEALTHCHECK_PORT=${PORT}
WORKDIR /app
COPY --from=prod-deps /app /app
COPY schema/supergraph.graphql schema/
# The web client's persisted documents, preloaded by the gateway (docs/operations.md).
COPY web/persisted-documents.json web/
COPY --from=build /app/services/kit/dist services/kit/dist
COPY --from=build /app/${SERVICE}/dist ${SERVICE}/dist
WORKDIR /app/${SERVICE}
USER node
EXPOSE ${PORT}
# Ready = the database answers and migrations are applied (the gateway: not stopping).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTHCHECK_PORT+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (kit runService: drain, close pools, exit 0); it starts
# no child processes, so there are no orphans to reap (use `docker run --init` to add tini anyway).
STOPSIGNAL SIGTERM
CMD ["node", "--conditions=dist", "dist/index.js"]
