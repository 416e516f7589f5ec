import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two builds into one dist/: the shop (index.html), and with `--mode explorer` the offline GraphQL
 * explorer (explorer.html), built apart so the shop's chunks never carry the editor's code.
 */
export default defineConfig(({ mode }): UserConfig => {
  const explorer = mode === 'explorer';
  const input: Record<string, string> = explorer ? { explorer: here('explorer.html') } : { shop: here('index.html') };
  return {
    plugins: [react()],
    server: {
      port: 5173,
      proxy: {
        // The gateway sets its guest/session cookies on the dev server's origin through the proxy.
        '/graphql': { target: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000' },
      },
    },
    build: {
      target: 'es2022',
      sourcemap: false,
      emptyOutDir: !explorer,
      chunkSizeWarningLimit: explorer ? 4096 : 500,
      rolldownOptions: {
        input,
        // GraphiQL's modules carry React-compiler directives that bundling may drop; harmless here.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  };
});
