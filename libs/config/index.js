// Runtime entry of @clearing/config: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/config/src/index.js');
