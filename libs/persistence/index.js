// Runtime entry of @clearing/persistence: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/persistence/src/index.js');
