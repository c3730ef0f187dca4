# newsgate: a GraphQL gateway over news feeds.
#   docker build -t newsgate .
#   docker run -p 4000:4000 -v newsgate-data:/data -v "$PWD/feeds.json:/app/feeds.json:ro" newsgate
# Stage 1 installs every dependency (native modules build here) and compiles TypeScript to dist/
# (`npm ci` runs the `prepare` script, i.e. `npm run build`), then drops the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci && npm prune --omit=dev --ignore-scripts

# Stage 2: the runtime. No compiler, no sources, no root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    FEEDS_FILE=/app/feeds.json \
    STORE_URL=sqlite:///data/newsgate.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY data ./data
COPY schema ./schema
COPY feeds.json ./feeds.json
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The image's own unprivileged user (uid 1000), not root.
USER node
EXPOSE 4000
# /healthz answers 200 while the process is alive; Node's fetch, since the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and takes SIGTERM itself (docker stop): it drains requests and writes, closes the
# store and exits 0. `docker run newsgate feeds check` runs another newsgate command.
ENTRYPOINT ["node", "bin/newsgate.js"]
CMD ["serve"]
