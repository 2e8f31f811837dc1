// Bearer extraction for the Worker: Authorization header only.
export function bearerFrom(request: Request): string | null {
  const value = request.headers.get('Authorization');
  if (!value) return null;
  const [scheme, credential] = value.split(' ');
  return scheme?.toLowerCase() === 'bearer' && credential ? credential : null;
}
