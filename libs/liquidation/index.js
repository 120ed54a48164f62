// Runtime entry of @clearing/liquidation: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/liquidation/src/index.js');
