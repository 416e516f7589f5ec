# One image for every service of the shop; docker-compose.yml picks the entry per service.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ONNXRUNTIME_NODE_INSTALL_CUDA=skip
COPY package.json package-lock.json ./
COPY platform/package.json platform/
COPY stack/package.json stack/
COPY gateway/package.json gateway/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/inventory/package.json subgraphs/inventory/
COPY subgraphs/cart/package.json subgraphs/cart/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/accounts/package.json subgraphs/accounts/
COPY subgraphs/activity/package.json subgraphs/activity/
COPY subgraphs/recommendations/package.json subgraphs/recommendations/
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
EXPOSE 4000 4001 4002 4003 4004 4005 4006 4007
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
