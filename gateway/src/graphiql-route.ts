import { dirname, join } from 'node:path';
import type { Express } from 'express';

/**
 * A GraphiQL explorer served entirely from this gateway (docs/operations.md, "Explorer"): the
 * page, React and GraphiQL's own bundle come from npm packages installed with the gateway, so it
 * works on networks without internet access, where Apollo Sandbox (loaded from Apollo's CDN)
 * cannot. Sandbox stays the landing page at /graphql where the network allows.
 */
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));

const ASSETS: Record<string, { file: () => string; type: string }> = {
  'react.js': { file: () => join(pkgDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: () => join(pkgDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: () => join(pkgDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: () => join(pkgDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Behörig GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>
`;

// In a file of its own, so a Content-Security-Policy without 'unsafe-inline' allows the page.
const START = `(function () {
  var fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', window.location.href).toString(),
    headers: { 'apollographql-client-name': 'graphiql' },
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: '# Paste a token in the Headers tab: {"Authorization": "Bearer …"}\\n{\\n  me {\\n    givenName\\n    surname\\n  }\\n}\\n',
      defaultEditorToolsVisibility: true,
    }),
  );
})();
`;

export function mountGraphiql(app: Express): void {
  const csp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'";
  app.get('/graphiql', (_req, res) => {
    res.set('content-security-policy', csp).type('html').send(PAGE);
  });
  app.get('/graphiql/assets/start.js', (_req, res) => {
    res.type('text/javascript').set('cache-control', 'no-cache').send(START);
  });
  app.get('/graphiql/assets/:name', (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) return void res.status(404).end();
    res.type(asset.type).set('cache-control', 'public, max-age=3600').sendFile(asset.file());
  });
}
