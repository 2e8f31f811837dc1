// held-out: clean — the browser client streams with fetch() and sends the token in the Authorization header instead of putting it on an EventSource URL
// Browser-side MCP client for Streamable HTTP (MCP authorization: tokens in the Authorization header; RFC 6750 §2.1).
export async function openNotificationStream(baseUrl: string, sessionId: string, accessToken: string, onEvent: (data: string) => void) {
  const response = await fetch(`${baseUrl}/mcp`, {
    method: 'GET',
    headers: {
      Accept: 'text/event-stream',
      Authorization: `Bearer ${accessToken}`,
      'Mcp-Session-Id': sessionId,
    },
  });
  if (!response.ok || !response.body) throw new Error(`stream failed: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let index;
    while ((index = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
      if (data) onEvent(data);
    }
  }
}
