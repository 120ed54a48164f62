// Runtime entry of @clearing/margin-engine/service: the compiled tree (`npm run build`); TypeScript reads src/service via tsconfig paths.
module.exports = require('../../dist/libs/margin-engine/src/service/index.js');
