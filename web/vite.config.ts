import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

// The web client tells the gateway its version (apollographql-client-version).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  plugins: [react()],
  define: { 'import.meta.env.VITE_CLIENT_VERSION': JSON.stringify(version) },
  server: { host: '0.0.0.0', strictPort: true },
  build: { outDir: 'dist', sourcemap: true },
});
