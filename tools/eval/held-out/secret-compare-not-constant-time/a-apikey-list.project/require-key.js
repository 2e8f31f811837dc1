// secret-compare-not-constant-time: the gateway checks the presented API key against each accepted key with === — timing side channel on secret comparison
import { acceptedKeys } from './keys.js';

export function requireKey(req, res, next) {
  const presented = req.get('x-api-key') || '';
  // held-out: secret-compare-not-constant-time
  const valid = acceptedKeys.some((key) => key === presented);
  if (!valid) return res.status(403).json({ error: 'forbidden' });
  next();
}
