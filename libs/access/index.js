// Runtime entry of @clearing/access: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/access/src/index.js');
