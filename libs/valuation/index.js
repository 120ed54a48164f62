// Runtime entry of @clearing/valuation: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/valuation/src/index.js');
