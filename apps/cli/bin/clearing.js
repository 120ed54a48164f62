#!/usr/bin/env node
// The CLI runs from the compiled tree; `npm install` builds it (the root "prepare" script).
require('../../../dist/apps/cli/src/main.js');
