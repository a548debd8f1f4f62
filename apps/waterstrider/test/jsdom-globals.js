// jsdom lacks some web platform globals that Node has; the console's code uses them as a browser would.
const node = require('node:util');
const web = require('node:stream/web');
if (typeof globalThis.TextEncoder === 'undefined') {
  globalThis.TextEncoder = node.TextEncoder;
  globalThis.TextDecoder = node.TextDecoder;
}
for (const name of ['ReadableStream', 'TextDecoderStream']) {
  if (typeof globalThis[name] === 'undefined') globalThis[name] = web[name];
}
