// held-out: clean — the Drive call sends the server's service-account token in the Authorization header; pageToken in params is a pagination cursor
// CommonJS tool implementation of a Google Drive MCP server (AUTH: no access tokens in query strings).
'use strict';
const axios = require('axios');
const { GoogleAuth } = require('google-auth-library');

const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/drive.metadata.readonly'] });

async function listAllFiles(folderId) {
  const accessToken = await auth.getAccessToken();
  const files = [];
  let pageToken;
  do {
    const { data } = await axios.get('https://www.googleapis.com/drive/v3/files', {
      headers: { Authorization: `Bearer ${accessToken}` },
      params: { q: `'${folderId}' in parents`, pageSize: 100, pageToken, fields: 'nextPageToken, files(id,name)' },
    });
    files.push(...data.files);
    pageToken = data.nextPageToken;
  } while (pageToken);
  return files;
}

module.exports = { listAllFiles };
