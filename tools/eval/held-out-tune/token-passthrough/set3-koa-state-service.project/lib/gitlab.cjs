// GitLab service (CommonJS): reads the caller's token from ctx.state and uses it as the GitLab credential (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
'use strict';

const GITLAB = process.env.GITLAB_URL || 'https://gitlab.com/api/v4';

async function gitlab(ctx, path) {
  const res = await fetch(`${GITLAB}${path}`, {
    // held-out: token-passthrough
    headers: { Authorization: `Bearer ${ctx.state.accessToken}` },
  });
  if (!res.ok) ctx.throw(502, `GitLab answered ${res.status}`);
  return res.json();
}

exports.listMergeRequests = (ctx, projectId) => gitlab(ctx, `/projects/${encodeURIComponent(projectId)}/merge_requests?state=opened`);
exports.getPipeline = (ctx, projectId, pipelineId) => gitlab(ctx, `/projects/${encodeURIComponent(projectId)}/pipelines/${pipelineId}`);
