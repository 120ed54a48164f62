// Runtime entry of @clearing/kafka: the compiled tree (`npm run build`); TypeScript reads src/ via tsconfig paths.
module.exports = require('../../dist/libs/kafka/src/index.js');
