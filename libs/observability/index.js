// Runtime entry of @clearing/observability: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/observability/src/index.js');
