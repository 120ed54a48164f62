// Runtime entry of @clearing/pricing: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/pricing/src/index.js');
