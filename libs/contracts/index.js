// Runtime entry of @clearing/contracts: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/contracts/src/index.js');
