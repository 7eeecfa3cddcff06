# syntax=docker/dockerfile:1
# Botrygg application image: used by the api, worker and migrate services in
# docker-compose.yml. TypeScript runs directly through tsx (no build step).
FROM node:20-bookworm-slim

# procps provides pgrep for the worker's liveness healthcheck.
RUN apt-get update \
 && apt-get install -y --no-install-recommends procps \
 && rm -rf /var/lib/apt/lists/*

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app
RUN chown node:node /app
USER node

COPY --chown=node:node package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY --chown=node:node . .

EXPOSE 3000
CMD ["node", "--import", "tsx", "api/server.ts"]
