// Runtime entry of @clearing/risk: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/risk/src/index.js');
