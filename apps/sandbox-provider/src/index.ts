export { startSandbox, type Sandbox, type SandboxOptions, type SandboxStats } from './server.js';
export { OUTCOMES, defaultBehaviour, type Behaviour, type Outcome } from './behaviour.js';
export type { Order } from './orders.js';
export type { SentCallback } from './callbacks.js';
