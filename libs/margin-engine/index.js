// Runtime entry of @clearing/margin-engine: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/margin-engine/src/index.js');
