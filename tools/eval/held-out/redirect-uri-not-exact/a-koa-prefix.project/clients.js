// Static client registry for the Koa authorization server (routes.js).
export const CLIENTS = {
  'docs-assistant': { name: 'Docs Assistant', redirectBase: 'https://assistant.example.com/oauth' },
  'cli-tool': { name: 'CLI', redirectBase: 'http://127.0.0.1:8765/callback' },
};
