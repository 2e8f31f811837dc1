# syntax=docker/dockerfile:1
# MCP OAuth Guard, the GitHub App. Build: docker build -t mcp-oauth-guard .
# Run:   docker run -p 3000:3000 -e APP_ID=… -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=… mcp-oauth-guard
# test/deploy/production-install.test.ts runs these same steps without Docker.

# --- build: compile TypeScript with the dev dependencies ---
# Node 26 (Lithium) is the Active LTS since 2026-10-28; package.json admits Node >= 22.19.
FROM node:26-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
# --ignore-scripts: no lifecycle script is needed to install; the build is the next step.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
RUN npm run build

# --- runtime: production dependencies and the compiled app only ---
FROM node:26-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
COPY docs/rules ./docs/rules
# The node image's unprivileged user; the app writes nothing to disk.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same app and environment as `probot run ./lib/app/index.js`, with a redacting logger.
CMD ["node", "lib/app/server.js"]
