#!/usr/bin/env node
// `npm start`: build what is missing, migrate, then serve (the server seeds the demo province
// on an empty database and runs the workers in the same process). DESIGN §7.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'dist/apps/server/src/main.js'))) run('npm run build:server');
if (!existsSync(join(root, 'apps/web/dist/index.html'))) run('npm run build:web');
try {
  run('node dist/libs/database/src/migrate.js');
} catch (error) {
  // The migration runner printed its one line (a bad setting, an unreachable database): no stack here.
  process.exit(error.status ?? 1);
}
require(join(root, 'dist/apps/server/src/main.js'));
