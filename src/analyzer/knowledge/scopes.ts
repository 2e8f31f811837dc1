/**
 * Scope catalogue: the broad scopes of the providers MCP servers most often call, each with
 * the narrower scopes that usually serve, plus the scopes known to be narrow already (so the
 * generic heuristics leave them alone). Sources: the providers' scope references
 * (GitHub "Scopes for OAuth apps", Google "OAuth 2.0 Scopes for Google APIs", Microsoft Graph
 * permissions reference, GitLab "OAuth 2.0 scopes", Slack "Scopes") and the MCP security
 * best practices (`files:*`, `db:*`, `admin:*` as anti-patterns).
 */

export type ScopeProvider = 'github' | 'google' | 'slack' | 'microsoft' | 'gitlab' | 'atlassian';

export const PROVIDER_NAMES: Record<ScopeProvider, string> = {
  github: 'GitHub',
  google: 'Google',
  slack: 'Slack',
  microsoft: 'Microsoft Graph',
  gitlab: 'GitLab',
  atlassian: 'Atlassian',
};

export interface BroadScope {
  provider: ScopeProvider;
  /** The exact scope, or a pattern for a family (`$1` in the texts below refers to its first group). */
  scope: string | RegExp;
  /** The word is common enough that the request must be known to go to this provider. */
  requiresProvider?: boolean;
  /** What the scope grants, as a verb phrase: "grants ...". */
  grants: string;
  /** The narrower scopes that usually serve; empty when the right fix is to drop the scope. */
  narrower: string[];
  /** When the narrower scopes suffice (or, with no narrower scope, when the scope is needed at all). */
  when: string;
}

const GOOGLE = 'https://www.googleapis.com/auth/';

export const BROAD_SCOPES: readonly BroadScope[] = [
  // GitHub OAuth apps
  { provider: 'github', scope: 'repo', grants: 'grants read and write access to all public and private repositories', narrower: ['public_repo'], when: 'the tools only need public repositories (or use a fine-grained token limited to the repositories they touch)' },
  { provider: 'github', scope: 'user', requiresProvider: true, grants: 'grants read and write access to the user profile', narrower: ['read:user', 'user:email'], when: 'the tools only read the profile or the email address' },
  { provider: 'github', scope: 'admin:org', grants: 'grants full control of organizations, their teams and memberships', narrower: ['read:org'], when: 'the tools only read organization membership' },
  { provider: 'github', scope: 'write:org', grants: 'grants write access to organization and team membership', narrower: ['read:org'], when: 'the tools only read organization membership' },
  { provider: 'github', scope: 'delete_repo', grants: 'grants permission to delete repositories', narrower: [], when: 'a tool really deletes repositories' },
  { provider: 'github', scope: 'admin:repo_hook', grants: 'grants read, write and delete access to repository webhooks', narrower: ['read:repo_hook'], when: 'the tools only read webhooks' },
  { provider: 'github', scope: 'admin:org_hook', grants: 'grants read, write and delete access to organization webhooks', narrower: [], when: 'a tool really manages organization webhooks' },
  { provider: 'github', scope: 'admin:public_key', grants: 'grants full control of the user\'s SSH keys', narrower: ['read:public_key'], when: 'the tools only list keys' },
  { provider: 'github', scope: 'admin:gpg_key', grants: 'grants full control of the user\'s GPG keys', narrower: ['read:gpg_key'], when: 'the tools only list keys' },
  { provider: 'github', scope: 'admin:enterprise', grants: 'grants full control of enterprises', narrower: ['read:enterprise'], when: 'the tools only read enterprise data' },
  { provider: 'github', scope: 'workflow', requiresProvider: true, grants: 'grants permission to change GitHub Actions workflow files', narrower: [], when: 'a tool really edits workflow files' },
  { provider: 'github', scope: 'write:packages', grants: 'grants permission to publish packages', narrower: ['read:packages'], when: 'the tools only download packages' },
  { provider: 'github', scope: 'delete:packages', grants: 'grants permission to delete packages', narrower: ['read:packages'], when: 'the tools only download packages' },
  { provider: 'github', scope: 'site_admin', grants: 'grants site administrator access to GitHub Enterprise Server', narrower: [], when: 'a tool really administers the server' },

  // Google
  { provider: 'google', scope: `${GOOGLE}drive`, grants: 'grants read, write and delete access to every file in the user\'s Google Drive', narrower: [`${GOOGLE}drive.readonly`, `${GOOGLE}drive.file`], when: 'the tools only read files or only touch files the app created or the user picked' },
  { provider: 'google', scope: 'https://mail.google.com/', grants: 'grants full access to the mailbox, including permanent deletion', narrower: [`${GOOGLE}gmail.readonly`, `${GOOGLE}gmail.send`, `${GOOGLE}gmail.modify`], when: 'the tools only read, only send, or only label mail' },
  { provider: 'google', scope: `${GOOGLE}calendar`, grants: 'grants read and write access to all calendars, including sharing settings', narrower: [`${GOOGLE}calendar.readonly`, `${GOOGLE}calendar.events`], when: 'the tools only read calendars or only manage events' },
  { provider: 'google', scope: `${GOOGLE}cloud-platform`, grants: 'grants access to every Google Cloud API the user can reach', narrower: [], when: 'no service-specific scope (for example \'devstorage.read_only\') covers the tools' },
  { provider: 'google', scope: `${GOOGLE}spreadsheets`, grants: 'grants read and write access to every spreadsheet in the user\'s Google Drive', narrower: [`${GOOGLE}spreadsheets.readonly`, `${GOOGLE}drive.file`], when: 'the tools only read sheets or only touch sheets the app created or the user picked' },
  { provider: 'google', scope: `${GOOGLE}documents`, grants: 'grants read and write access to every document in the user\'s Google Drive', narrower: [`${GOOGLE}documents.readonly`, `${GOOGLE}drive.file`], when: 'the tools only read documents or only touch documents the app created or the user picked' },

  // Microsoft Graph (case-insensitive; an 'https://graph.microsoft.com/' prefix is stripped before matching)
  { provider: 'microsoft', scope: 'Directory.ReadWrite.All', grants: 'grants read and write access to the whole directory of the tenant', narrower: ['Directory.Read.All'], when: 'the tools only read the directory' },
  { provider: 'microsoft', scope: 'Directory.AccessAsUser.All', grants: 'grants the same access to the directory as the signed-in user, including writes', narrower: ['Directory.Read.All'], when: 'the tools only read the directory' },
  { provider: 'microsoft', scope: 'Files.ReadWrite.All', grants: 'grants read and write access to every file the user can reach', narrower: ['Files.Read.All', 'Files.ReadWrite'], when: 'the tools only read files or only write the user\'s own files' },
  { provider: 'microsoft', scope: 'Sites.FullControl.All', grants: 'grants full control of every SharePoint site', narrower: ['Sites.Selected'], when: 'the tools only touch specific sites' },
  { provider: 'microsoft', scope: 'Mail.ReadWrite', grants: 'grants read, write and delete access to the user\'s mail', narrower: ['Mail.Read'], when: 'the tools only read mail (add \'Mail.Send\' to send)' },
  { provider: 'microsoft', scope: /^([A-Za-z]+(?:\.[A-Za-z]+)?)\.ReadWrite\.All$/i, grants: 'grants read and write access to every $1 resource in the tenant', narrower: ['$1.Read.All'], when: 'the tools only read' },

  // GitLab
  { provider: 'gitlab', scope: 'api', requiresProvider: true, grants: 'grants complete read and write access to the API, including all groups, projects and the registry', narrower: ['read_api'], when: 'the tools only read' },
  { provider: 'gitlab', scope: 'write_repository', grants: 'grants push access to every repository the user can reach', narrower: ['read_repository'], when: 'the tools only read repositories' },
  { provider: 'gitlab', scope: 'write_registry', grants: 'grants push access to container registries', narrower: ['read_registry'], when: 'the tools only pull images' },
  { provider: 'gitlab', scope: 'sudo', requiresProvider: true, grants: 'grants permission to act as any user when the user is an administrator', narrower: [], when: 'a tool really impersonates users' },
  { provider: 'gitlab', scope: 'admin_mode', grants: 'grants administrator access to the API when Admin Mode is on', narrower: [], when: 'a tool really administers the instance' },

  // Atlassian (Jira, Confluence) classic scopes
  { provider: 'atlassian', scope: 'manage:jira-configuration', grants: 'grants administration of the Jira site, its settings, workflows and permission schemes', narrower: [], when: 'a tool really administers Jira' },
  { provider: 'atlassian', scope: 'manage:confluence-configuration', grants: 'grants administration of the Confluence site and its global settings', narrower: [], when: 'a tool really administers Confluence' },
  { provider: 'atlassian', scope: 'manage:jira-project', grants: 'grants creating, changing and deleting Jira projects and their settings', narrower: ['read:jira-work'], when: 'the tools only read projects and issues' },

  // Slack
  { provider: 'slack', scope: 'admin', requiresProvider: true, grants: 'grants administration of the whole workspace', narrower: [], when: 'a tool really administers the workspace' },
  { provider: 'slack', scope: /^admin\.[a-z.]+(?::[a-z.]+)?$/, grants: 'grants administration across the Enterprise organization', narrower: [], when: 'a tool really administers the organization' },
  { provider: 'slack', scope: 'client', requiresProvider: true, grants: 'grants the legacy full-client access to everything the user can see and do', narrower: [], when: 'the app cannot move to granular scopes such as \'channels:read\' and \'chat:write\'' },
  { provider: 'slack', scope: 'chat:write.customize', grants: 'grants permission to post under any name and avatar', narrower: ['chat:write'], when: 'messages can appear under the app\'s own name' },
];

/**
 * Scopes known to be narrow (or the provider's recommended narrow form). They never get the
 * generic warning, even when their names contain 'write' or 'all'.
 */
export const KNOWN_NARROW_SCOPES: readonly { provider: ScopeProvider | 'oidc'; scope: string | RegExp }[] = [
  { provider: 'oidc', scope: /^(openid|profile|email|address|phone|offline_access|offline)$/ },
  // GitHub: read forms, and write forms narrower than the admin ones
  { provider: 'github', scope: /^(public_repo|repo:status|repo_deployment|repo:invite|security_events|gist|notifications|codespace|copilot|project|read:project|user:email|user:follow|read:user|read:org|read:repo_hook|write:repo_hook|read:org_hook|read:packages|read:discussion|write:discussion|read:public_key|write:public_key|read:gpg_key|write:gpg_key|read:enterprise|read:audit_log|read:ssh_signing_key|write:ssh_signing_key)$/ },
  // Google: read-only, per-file and single-purpose scopes
  { provider: 'google', scope: /^https:\/\/www\.googleapis\.com\/auth\/[a-z0-9_.-]*(readonly|read_only|\.file|\.send|\.compose|\.labels|\.events|\.modify|\.insert|userinfo\.[a-z]+|\.appdata|\.metadata)$/ },
  // Microsoft Graph: per-user permissions (the '.All' tenant-wide forms are catalogued above)
  // IMAP, POP, SMTP and EWS each have one scope on outlook.office.com (the user's own mailbox over that protocol).
  { provider: 'microsoft', scope: /^((IMAP|POP|EWS)\.AccessAsUser\.All|SMTP\.Send)$/i },
  { provider: 'microsoft', scope: /^(\.default|[A-Za-z]+(?:\.[A-Za-z]+)?\.(Read|ReadBasic|ReadWrite|Send|Selected)(\.Shared)?|[A-Za-z]+(?:\.[A-Za-z]+)?\.Read(Basic)?\.All|Sites\.Selected|User\.Read|User\.ReadBasic\.All)$/i },
  // GitLab read scopes
  { provider: 'gitlab', scope: /^(read_api|read_user|read_repository|read_registry|read_observability|ai_features|create_runner|manage_runner|k8s_proxy)$/ },
  // Atlassian: classic and granular read scopes
  { provider: 'atlassian', scope: /^(read:jira-work|read:jira-user|read:me|read:account|read:confluence-[a-z.-]+|search:confluence|read:[a-z.-]+:(jira|confluence|jira-service-management))$/ },
  // Slack: granular 'resource:action' scopes (the admin ones are catalogued above)
  { provider: 'slack', scope: /^(commands|incoming-webhook|identify|identity\.[a-z]+|(app_mentions|assistant|bookmarks|calls|canvases|channels|chat|conversations\.connect|dnd|emoji|files|groups|im|links|lists|metadata\.message|mpim|pins|reactions|reminders|remote_files|search|stars|team|team\.billing|team\.preferences|triggers|usergroups|users|users\.profile|workflow\.steps):(read|write|history|join|manage|execute|public|invite|read\.email|write\.public|write\.topic|write\.invites|read\.public|read\.private|read\.im|read\.mpim|read\.files|read\.users))$/ },
];

/** Words that make an otherwise unknown scope look broad; each maps to what it asks for. */
export const GENERIC_BROAD_WORDS: Readonly<Record<string, string>> = {
  admin: 'administrative access',
  administrator: 'administrative access',
  write: 'write access',
  readwrite: 'write access',
  delete: 'delete access',
  all: 'access to all resources',
  everything: 'access to all resources',
  full: 'full access',
  fullcontrol: 'full access',
  '*': 'wildcard access',
};

/** Prefixes that only qualify a scope and are stripped before matching the catalogue. */
export const SCOPE_PREFIXES: readonly { provider: ScopeProvider; prefix: string }[] = [
  { provider: 'microsoft', prefix: 'https://graph.microsoft.com/' },
  { provider: 'microsoft', prefix: 'https://outlook.office.com/' },
];

/**
 * Scopes a mail protocol requires: Gmail over IMAP, POP or SMTP (XOAUTH2) accepts only the full
 * mailbox scope ("Gmail IMAP, POP and SMTP: https://mail.google.com/", Google's scope reference),
 * so a server that speaks those protocols needs it whatever else it calls.
 */
export const PROTOCOL_SCOPES: readonly { provider: ScopeProvider; scope: string; protocols: string }[] = [
  { provider: 'google', scope: 'https://mail.google.com/', protocols: 'IMAP, POP and SMTP' },
];

/** Text that shows a file speaks a mail protocol with OAuth: the SASL mechanism, or an IMAP/SMTP client. */
export const MAIL_PROTOCOL_EVIDENCE = /\bXOAUTH2?\b|\bimapflow\b|\bnode-imap\b|\bimap-simple\b|\bnodemailer\b|\bIMAP\b|\bSMTP\b/i;
