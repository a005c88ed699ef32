import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { seedDemo } from './seed/demo.seed';

async function main() {
  const app = await createApp();
  await seedDemo(app);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('motcua').log(`Listening on http://localhost:${port} (API docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
