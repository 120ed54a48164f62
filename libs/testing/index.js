// Runtime entry of @clearing/testing: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/testing/src/index.js');
