// redirect-uri-not-exact: only the origin of the redirect URI is compared, so any path on a registered site is accepted — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express from 'express';
import { registry } from './registry.mjs';

export const authorizeRouter = express.Router();

function sameOrigin(a, b) {
  return new URL(a).origin === new URL(b).origin;
}

authorizeRouter.get('/authorize', async (req, res, next) => {
  try {
    const client = await registry.find(req.query.client_id);
    const requested = String(req.query.redirect_uri);
    // held-out: redirect-uri-not-exact
    const match = client?.redirect_uris.find((registered) => sameOrigin(registered, requested));
    if (!match) {
      return res.status(400).render('error', { message: 'Unregistered redirect_uri' });
    }
    req.session.pendingAuthorization = { clientId: client.client_id, redirectUri: requested, state: req.query.state };
    res.render('consent', { client });
  } catch (err) {
    next(err);
  }
});
