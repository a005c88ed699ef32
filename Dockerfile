# motcua: one image for the server (with workers) and the standalone worker.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/processes ./processes
COPY --from=build /app/scripts ./scripts
# Uploaded dossier files (FILES_DIR, libs/files): a volume the unprivileged user may write.
RUN mkdir -p /app/data/files && chown -R node:node /app/data
VOLUME /app/data/files
EXPOSE 3000
USER node
CMD ["node", "scripts/start.js"]
