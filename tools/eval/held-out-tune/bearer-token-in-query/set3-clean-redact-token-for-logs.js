// held-out: clean — access_token is deleted from a URL before logging it; nothing accepts or sends a token in the query
// Request-logging middleware of an MCP server that redacts credential-like query parameters
const SENSITIVE_PARAMS = ['access_token', 'token', 'code', 'client_secret'];

function redactUrl(rawUrl, host) {
  const url = new URL(rawUrl, `http://${host || 'localhost'}`);
  for (const name of SENSITIVE_PARAMS) {
    if (url.searchParams.has(name)) {
      url.searchParams.set(name, '[redacted]');
    }
  }
  return url.pathname + url.search;
}

function requestLogger(logger) {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({
        method: req.method,
        url: redactUrl(req.originalUrl, req.headers.host),
        status: res.statusCode,
        ms: Math.round(ms),
      });
    });
    next();
  };
}

module.exports = { requestLogger, redactUrl };
