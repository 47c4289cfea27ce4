export * from './draw.js';
export * from './schemas.js';
export { hmacSha256, sha256, toHex, utf8 } from './sha256.js';
