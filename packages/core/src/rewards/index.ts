export * from './catalogue.js';
export * from './manage-items.js';
export * from './import-coupons.js';
export * from './payout-view.js';
export * from './segment.js';
export * from './redeem-reward.js';
