// Server entry: plain node:http, every request goes to handler.js.
import { createServer } from 'node:http';
import { handle } from './handler.js';
import { dispatch } from './rpc.js';

createServer((req, res) => {
  handle(req, res, dispatch).catch(() => {
    res.writeHead(500).end();
  });
}).listen(8080);
