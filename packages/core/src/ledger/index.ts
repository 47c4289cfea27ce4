export * from './accounts.js';
export * from './post-transaction.js';
export * from './wallet.js';
export * from './reconcile.js';
