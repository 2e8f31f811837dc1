/**
 * The generated input of the bench's growth check (issue 9): one large module at two sizes, to see
 * that the analyzer's time grows linearly with size when local names repeat across functions.
 */

/** One handler: the same local names in every function, a credential flowing to a request, a log and a cache. */
function handler(index: number): string[] {
  return [
    `export async function handler${index}(req, logger, cache) {`,
    `  const token = req.headers.authorization ?? '';`,
    `  const data = { id: ${index}, name: 'item${index}' };`,
    `  let result = data.name + String(${index});`,
    `  if (result.length > 3) result = result.slice(1);`,
    `  const url = 'https://api.example.com/v1/items/' + data.id;`,
    '  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });',
    `  const body = await response.json();`,
    `  logger.info('loaded', body.id, result);`,
    `  cache.set('item:' + data.id, body.name);`,
    `  for (const entry of body.entries ?? []) {`,
    `    result = result + entry.label;`,
    `    if (entry.next) result = entry.next;`,
    `  }`,
    `  const copy = { ...data, result };`,
    `  logger.debug('copy', copy.id);`,
    `  return copy;`,
    `}`,
    ``,
  ];
}

/** A TypeScript module of about `lines` lines of handlers. */
export function growthFile(lines: number): string {
  const out: string[] = [];
  for (let index = 0; out.length < lines; index++) out.push(...handler(index));
  return out.join('\n');
}
