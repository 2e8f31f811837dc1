/**
 * Slack: no current machine-readable map exists (slackapi/slack-api-specs dates from 2021 and
 * uses retired scope names), so this is a curated table of the Web API methods MCP servers
 * call, each with the granular scopes its reference page lists ("Required scopes", bot and user
 * tokens use the same names). Source: api.slack.com/methods/<method>, read 2026-12.
 * Methods whose scope depends on the conversation type list one scope per type; the
 * corrections file says that each of them is needed for its type.
 */
import type { ScopeMapEntry } from './format.js';

const HISTORY = [['channels:history'], ['groups:history'], ['im:history'], ['mpim:history']];
const READ = [['channels:read'], ['groups:read'], ['im:read'], ['mpim:read']];
const MANAGE = [['channels:manage'], ['groups:write'], ['im:write'], ['mpim:write']];

export const SLACK_METHODS: Readonly<Record<string, string[][]>> = {
  'auth.test': [[]],
  'bookmarks.add': [['bookmarks:write']],
  'bookmarks.edit': [['bookmarks:write']],
  'bookmarks.list': [['bookmarks:read']],
  'bookmarks.remove': [['bookmarks:write']],
  'canvases.create': [['canvases:write']],
  'canvases.edit': [['canvases:write']],
  'chat.delete': [['chat:write']],
  'chat.getPermalink': [[]],
  'chat.meMessage': [['chat:write']],
  'chat.postEphemeral': [['chat:write']],
  'chat.postMessage': [['chat:write']],
  'chat.scheduleMessage': [['chat:write']],
  'chat.update': [['chat:write']],
  'conversations.archive': MANAGE,
  'conversations.create': MANAGE,
  'conversations.history': HISTORY,
  'conversations.info': READ,
  'conversations.invite': MANAGE,
  'conversations.join': [['channels:join']],
  'conversations.kick': MANAGE,
  'conversations.leave': MANAGE,
  'conversations.list': READ,
  'conversations.mark': [['channels:write'], ['groups:write'], ['im:write'], ['mpim:write']],
  'conversations.members': READ,
  'conversations.open': MANAGE,
  'conversations.rename': MANAGE,
  'conversations.replies': HISTORY,
  'conversations.setPurpose': MANAGE,
  'conversations.setTopic': MANAGE,
  'dnd.info': [['dnd:read']],
  'dnd.setSnooze': [['dnd:write']],
  'emoji.list': [['emoji:read']],
  'files.completeUploadExternal': [['files:write']],
  'files.delete': [['files:write']],
  'files.getUploadURLExternal': [['files:write']],
  'files.info': [['files:read']],
  'files.list': [['files:read']],
  'files.upload': [['files:write']],
  'files.uploadV2': [['files:write']],
  'pins.add': [['pins:write']],
  'pins.list': [['pins:read']],
  'pins.remove': [['pins:write']],
  'reactions.add': [['reactions:write']],
  'reactions.get': [['reactions:read']],
  'reactions.list': [['reactions:read']],
  'reactions.remove': [['reactions:write']],
  'reminders.add': [['reminders:write']],
  'reminders.complete': [['reminders:write']],
  'reminders.delete': [['reminders:write']],
  'reminders.info': [['reminders:read']],
  'reminders.list': [['reminders:read']],
  'search.all': [['search:read']],
  'search.files': [['search:read']],
  'search.messages': [['search:read']],
  'team.info': [['team:read']],
  'usergroups.create': [['usergroups:write']],
  'usergroups.list': [['usergroups:read']],
  'usergroups.update': [['usergroups:write']],
  'usergroups.users.list': [['usergroups:read']],
  'usergroups.users.update': [['usergroups:write']],
  'users.conversations': READ,
  'users.getPresence': [['users:read']],
  'users.info': [['users:read']],
  'users.list': [['users:read']],
  'users.lookupByEmail': [['users:read.email']],
  'users.profile.get': [['users.profile:read']],
  'users.profile.set': [['users.profile:write']],
  'users.setPresence': [['users:write']],
  'views.open': [[]],
  'views.publish': [[]],
  'views.push': [[]],
  'views.update': [[]],
};

export function slackEntries(): ScopeMapEntry[] {
  return Object.keys(SLACK_METHODS).sort().map((method) => ({
    provider: 'slack',
    api: 'web',
    method,
    http: 'POST',
    urlTemplate: `https://slack.com/api/${method}`,
    anyOf: SLACK_METHODS[method]!,
  }));
}
