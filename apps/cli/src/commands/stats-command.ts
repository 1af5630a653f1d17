import type { Command } from 'commander';

// Placeholder replaced by the stats commands (issue 3); registered so program.ts compiles.
export function registerStatsCommand(program: Command): void {
  void program;
}
