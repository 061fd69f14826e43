# loculus-prepro container image.
#
#   docker build -t loculus-prepro .
#   docker run --rm -v $PWD/my-config.yaml:/etc/config/preprocessing-config.yaml:ro loculus-prepro
#
# Three stages: build (dev dependencies, TypeScript + WebAssembly), prod-deps (runtime
# node_modules only), runtime (slim, non-root, nothing but what runs). Node 22 is the maintained
# LTS line used here; the code also runs on Node 20 and 24 (override NODE_IMAGE to switch, and pin
# it by digest in production: NODE_IMAGE=node:22-bookworm-slim@sha256:...).
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: compile TypeScript to dist/ and the AssemblyScript aligner to build/ --------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first so the dependency layer is cached until they change. Install scripts are
# skipped: `prepare` would build before the sources are copied, and no dependency needs its own.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/ scripts/
COPY asm/ asm/
COPY src/ src/
RUN npm run build

# ---- prod-deps: production node_modules without dev tooling ----------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PREPROCESSING_DATASET_CACHE_DIR=/var/cache/prepro \
    PREPROCESSING_HEALTH_PORT=9090
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --chown=node:node --from=prod-deps /app/node_modules/ node_modules/
COPY --chown=node:node --from=build /app/dist/ dist/
COPY --chown=node:node --from=build /app/build/ build/
COPY --chown=node:node scripts/healthcheck.mjs scripts/healthcheck.mjs
# The demo organism and configs: `docker run IMAGE prepro demo` works offline, compose seeds the mock.
COPY --chown=node:node reference/ reference/
COPY --chown=node:node config/ config/
# Dataset cache: datasets downloaded from a Nextclade dataset server are kept here between
# restarts when a volume is mounted.
RUN mkdir -p /var/cache/prepro && chown node:node /var/cache/prepro \
 && printf '#!/bin/sh\nexec node /app/dist/src/cli/main.js "$@"\n' > /usr/local/bin/prepro \
 && chmod 755 /usr/local/bin/prepro
VOLUME ["/var/cache/prepro"]
USER node
# Health and metrics: /livez, /readyz, /metrics.
EXPOSE 9090
# Only for docker/compose; Kubernetes uses its own probes.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs"]
# `prepro` on PATH, so the Loculus Helm chart's container args run unchanged: its values say
# `args: ["prepro"]` and the chart appends --backend-host=..., --pipeline-version=..., --config=...
# (Kubernetes `args` replace CMD; there is deliberately no ENTRYPOINT). `exec` keeps node as the
# process that receives SIGTERM and drains; use `--init` / compose `init: true` for tini as PID 1.
CMD ["node", "dist/src/cli/main.js", "run", "--config", "/etc/config/preprocessing-config.yaml"]
