// Slack client factory used by index.ts.
import { WebClient } from '@slack/web-api';

export function slackFor(bearer: string): WebClient {
  // held-out: token-passthrough
  return new WebClient(bearer, { retryConfig: { retries: 2 } });
}
