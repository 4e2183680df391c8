# One image for every Node service; docker-compose picks the workspace with SERVICE and runs
# the same start script as `npm start` does (tsx src/index.ts).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY services/kit/package.json services/kit/
COPY services/organisations/package.json services/organisations/
COPY services/access/package.json services/access/
COPY services/signing/package.json services/signing/
COPY gateway/package.json gateway/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
ARG SERVICE
ENV SERVICE=${SERVICE}
CMD ["sh", "-c", "npm run start -w ${SERVICE}"]
