#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, formatProblem, isPactwatchError } from '@pactwatch/domain';
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Maps every failure to one line on stderr and the catalogue's exit code (docs/ERRORS.md). */
async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(pkg.version);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return ERROR_CATALOGUE.USAGE.exitCode;
    }
    if (isPactwatchError(error)) {
      process.stderr.write(`pactwatch: error[${error.code}]: ${error.message}\n`);
      for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`pactwatch: error[INTERNAL]: ${message}\n`);
    return ERROR_CATALOGUE.INTERNAL.exitCode;
  }
}

// `pactwatch findings | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
