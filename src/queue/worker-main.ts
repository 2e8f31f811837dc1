#!/usr/bin/env node
/** `npm run worker`: the queue-mode analysis worker (see worker-process.ts). */
import { main } from './worker-process.js';
import { applyHeapPolicy } from '../heap-policy.js';

applyHeapPolicy();

await main();
