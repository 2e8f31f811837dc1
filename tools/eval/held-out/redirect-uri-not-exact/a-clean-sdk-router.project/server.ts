// Express app mounting the SDK's mcpAuthRouter with LocalProvider (its authorize handler validates redirect_uri before calling the provider).
import express from 'express';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { LocalProvider } from './provider.js';

const app = express();
app.use(mcpAuthRouter({ provider: new LocalProvider(), issuerUrl: new URL('https://auth.local-mcp.example.com') }));
app.listen(7000);
