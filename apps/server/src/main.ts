import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { assertSecrets } from './required-secrets';
import { seedDemoDossiers } from './seed/demo-dossiers.seed';
import { seedDemo } from './seed/demo.seed';

async function main() {
  assertSecrets(process.env, (message) => new Logger('Secrets').warn(message));
  const app = await createApp();
  await seedDemo(app);
  // Demo dossiers only for a real start: test servers seed the province without them.
  await seedDemoDossiers(app);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('motcua').log(`Listening on http://localhost:${port} (API docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
