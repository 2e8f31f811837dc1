// bearer-token-in-query: the server calls its upstream API with the access token as an axios query parameter — AUTH "Access tokens MUST NOT be included in the URI query string"
'use strict';
const axios = require('axios');
const { getPageAccessToken } = require('./token-store.cjs');

async function listPagePosts(pageId, userId) {
  const pageToken = await getPageAccessToken(userId, pageId);
  const { data } = await axios.get(`https://graph.facebook.com/v19.0/${pageId}/posts`, {
    // held-out: bearer-token-in-query
    params: { access_token: pageToken, fields: 'id,message,created_time', limit: 25 },
  });
  return data.data;
}

module.exports = { listPagePosts };
