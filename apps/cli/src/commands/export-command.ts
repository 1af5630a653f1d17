import type { Command } from 'commander';

// Placeholder replaced by `pactwatch export` (issue 4); registered so program.ts compiles.
export function registerExportCommand(program: Command): void {
  void program;
}
