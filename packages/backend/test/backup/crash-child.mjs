// Spawned by crash-safety.test.ts and killed with SIGKILL at a random moment: one store operation
// from the BUILT backend (packages/backend/dist), printing "ready" just before the operation
// starts and "done" when it has finished. Config comes from the environment (PACTWATCH_DB or
// PACTWATCH_DATABASE_URL, PACTWATCH_CONFIDENCE_THRESHOLD), like the CLI. Modules are loaded per
// operation: a migration needs only the connection, which keeps each spawn short.
const [operation, argument] = process.argv.slice(2);
const { loadConfig } = await import('../../dist/config/config.js');
const config = loadConfig();
if (operation === 'migrate') {
  const { migrateToLatest, openDatabase } = await import('../../dist/db/connection.js');
  const db = await openDatabase(config);
  process.stdout.write('ready\n');
  await migrateToLatest(db);
  await db.destroy();
} else {
  const { openPactwatch } = await import('../../dist/app.js');
  const { createLogger } = await import('../../dist/config/logger.js');
  const app = await openPactwatch(config, { logger: createLogger({ logLevel: 'silent' }) });
  process.stdout.write('ready\n');
  if (operation === 'import') await app.imports.import({ file: argument, format: 'json' });
  else if (operation === 'evaluate') await app.evaluation.evaluate({ full: true });
  else throw new Error(`unknown operation ${operation}`);
  await app.close();
}
process.stdout.write('done\n');
