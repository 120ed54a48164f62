// Runtime entry of @clearing/ledger: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/ledger/src/index.js');
