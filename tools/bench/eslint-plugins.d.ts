// The two ESLint plugins ship no types; the bench only reads their `rules` maps.
declare module 'eslint-plugin-security' {
  const plugin: { rules: Record<string, unknown> };
  export default plugin;
}
declare module '@microsoft/eslint-plugin-sdl' {
  const plugin: { rules: Record<string, unknown> };
  export default plugin;
}
