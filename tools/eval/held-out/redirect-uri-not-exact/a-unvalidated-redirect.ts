// redirect-uri-not-exact: after login the server redirects to whatever redirect_uri the request carried, with the authorization code attached — SEC (open redirection) "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { codes } from './codes.js';

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/consent', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, approve } = req.body;
  if (approve !== 'yes') {
    // held-out: redirect-uri-not-exact
    return res.redirect(`${redirect_uri}?error=access_denied&state=${encodeURIComponent(state)}`);
  }
  const code = randomBytes(24).toString('hex');
  await codes.save(code, { clientId: client_id, redirectUri: redirect_uri, codeChallenge: code_challenge, userId: req.session!.uid });
  // held-out: redirect-uri-not-exact
  res.redirect(`${redirect_uri}?code=${code}&state=${encodeURIComponent(state)}`);
});

app.listen(4000);
