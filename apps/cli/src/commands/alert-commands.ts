import { ALERT_RULE_KIND_IDS, PactwatchError, VERDICTS, type AlertRuleKind } from '@pactwatch/domain';
import type { Command } from 'commander';
import { addedAlertText, alertRulesText, alertRunText, alertTestText } from '../presenters/alert-presenter.js';
import { json } from '../presenters/output.js';
import { choice, withPactwatch } from '../runtime.js';

interface AddOptions {
  name: string;
  on: string;
  agreement?: string;
  commitment?: string;
  verdict?: string;
  sponsor?: string;
  victim?: string;
  minConfidence?: string;
  webhook?: string;
  secret?: string;
  email?: string;
  includeExisting?: boolean;
  json?: boolean;
}

/** Options each rule kind takes; any other given option is refused, never silently ignored. */
const KIND_OPTIONS: Readonly<Record<AlertRuleKind, readonly (keyof AddOptions)[]>> = {
  finding: ['agreement', 'commitment', 'verdict'],
  incident: ['sponsor', 'victim', 'minConfidence'],
  changepoint: ['sponsor', 'victim'],
};
const FLAG: Readonly<Partial<Record<keyof AddOptions, string>>> = { agreement: '--agreement', commitment: '--commitment', verdict: '--verdict', sponsor: '--sponsor', victim: '--victim', minConfidence: '--min-confidence' };

function definitionFrom(kind: AlertRuleKind, options: AddOptions): Record<string, unknown> {
  for (const key of Object.keys(FLAG) as (keyof AddOptions)[]) {
    if (options[key] !== undefined && !KIND_OPTIONS[kind].includes(key)) throw new PactwatchError('USAGE', `${FLAG[key] ?? key} does not apply to --on ${kind} (it takes ${KIND_OPTIONS[kind].map((k) => FLAG[k]).join(', ')})`);
  }
  const minConfidence = options.minConfidence === undefined ? undefined : Number(options.minConfidence);
  if (minConfidence !== undefined && (!Number.isInteger(minConfidence) || minConfidence < 0 || minConfidence > 100)) throw new PactwatchError('USAGE', `--min-confidence must be a whole number from 0 to 100, got "${options.minConfidence}"`);
  const verdicts = options.verdict?.split(',').map((v) => choice('--verdict', v.trim(), VERDICTS));
  return {
    kind,
    ...(options.agreement === undefined ? {} : { agreementId: options.agreement }),
    ...(options.commitment === undefined ? {} : { commitmentId: options.commitment }),
    ...(verdicts === undefined ? {} : { verdicts }),
    ...(options.sponsor === undefined ? {} : { sponsor: options.sponsor.toUpperCase() }),
    ...(options.victim === undefined ? {} : { victim: options.victim.toUpperCase() }),
    ...(minConfidence === undefined ? {} : { minConfidence }),
  };
}

export function registerAlertCommands(program: Command): void {
  const alerts = program.command('alerts').description('Alert rules: new breaches, attributed incidents or dyad changepoints, sent by signed webhook or e-mail (docs/ALERTS.md).');
  alerts
    .command('add')
    .description('Add an alert rule. Matches that already exist are recorded as the baseline and never sent, unless --include-existing.')
    .requiredOption('--name <name>', 'a name for the rule')
    .requiredOption('--on <kind>', `what to watch: ${ALERT_RULE_KIND_IDS.join(', ')}`)
    .option('--agreement <id>', 'finding: only this agreement')
    .option('--commitment <id>', 'finding: only this commitment (agreement/commitment, as findings show it)')
    .option('--verdict <list>', `finding: comma-separated verdicts (${VERDICTS.join(', ')}); default breach,possible-breach`)
    .option('--sponsor <code>', 'incident, changepoint: the sponsor state (ISO code)')
    .option('--victim <code>', 'incident (optional), changepoint: the victim state (ISO code)')
    .option('--min-confidence <n>', 'incident: minimum attribution confidence, 0-100')
    .option('--webhook <url>', 'POST signed JSON to this URL')
    .option('--secret <secret>', 'webhook HMAC secret (at least 16 characters; default: generated and printed once)')
    .option('--email <address>', 'send e-mail to this address (needs PACTWATCH_SMTP_URL and PACTWATCH_SMTP_FROM)')
    .option('--include-existing', 'alert on matches that already exist too')
    .option('--json', 'print the rule as JSON')
    .addHelpText(
      'after',
      `
Examples:
  pactwatch alerts add --name us-cn --on finding --agreement us-cn-2015 --webhook https://hooks.example.org/pw
  pactwatch alerts add --name cn-gb --on incident --sponsor CN --victim GB --min-confidence 70 --email soc@example.org
  pactwatch alerts add --name cn-us-shift --on changepoint --sponsor CN --victim US --webhook https://hooks.example.org/pw`,
    )
    .action(async (options: AddOptions, command: Command) => {
      const kind = choice('--on', options.on, ALERT_RULE_KIND_IDS) ?? 'finding';
      if ((options.webhook === undefined) === (options.email === undefined)) throw new PactwatchError('USAGE', 'give exactly one of --webhook <url> or --email <address>');
      if (options.secret !== undefined && options.webhook === undefined) throw new PactwatchError('USAGE', '--secret applies to --webhook rules only');
      const definition = definitionFrom(kind, options);
      await withPactwatch(command, async (app, output) => {
        const added = await app.alerts.add({
          name: options.name,
          definition,
          channel: options.webhook === undefined ? 'email' : 'webhook',
          target: options.webhook ?? options.email ?? '',
          secret: options.secret,
          includeExisting: options.includeExisting === true,
        });
        output.out(options.json === true ? json({ ...added.rule, existing: added.existing, existingStatus: added.existingStatus, ...(added.generatedSecret === null ? {} : { secret: added.generatedSecret }) }) : addedAlertText(added, output.colors));
      });
    });

  alerts
    .command('list')
    .description('List alert rules with their delivery counts (whether a webhook secret is set, never the secret).')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const rules = await app.alerts.list();
        output.out(options.json === true ? json(rules) : alertRulesText(rules, output.width));
      });
    });

  alerts
    .command('test')
    .description('Send a clearly marked test alert over the rule\'s channel now and report the outcome (exit 14 when it fails).')
    .argument('<id>', 'rule id (see `pactwatch alerts list`)')
    .option('--json', 'print the outcome as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const result = await app.alerts.test(id);
        output.out(options.json === true ? json(result) : alertTestText(result, output.colors));
        if (!result.ok) throw new PactwatchError('ALERT_DELIVERY_FAILED', `the test alert of rule ${result.ruleId} to ${result.target} failed: ${result.detail}`);
      });
    });

  alerts
    .command('remove')
    .description('Delete an alert rule and its delivery history.')
    .argument('<id>', 'rule id')
    .option('--json', 'print the removed rule as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const rule = await app.alerts.remove(id);
        output.out(options.json === true ? json(rule) : `Removed alert rule ${rule.id} "${rule.name}".\n`);
      });
    });

  for (const [name, enabled] of [['enable', true], ['disable', false]] as const) {
    alerts
      .command(name)
      .description(enabled ? 'Enable an alert rule again (its waiting deliveries are sent).' : 'Disable an alert rule: it is not scanned and its deliveries wait.')
      .argument('<id>', 'rule id')
      .action(async (id: string, _options: unknown, command: Command) => {
        await withPactwatch(command, async (app, output) => {
          const rule = await app.alerts.setEnabled(id, enabled);
          output.out(`Alert rule ${rule.id} "${rule.name}" is ${rule.enabled ? 'enabled' : 'disabled'}.\n`);
        });
      });
  }

  alerts
    .command('run')
    .description('Evaluate what changed, scan every enabled rule for new matches and send what is due now (for cron, or when no worker runs).')
    .option('--json', 'print the counts as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPactwatch(command, async (app, output) => {
        const report = await app.alerts.run();
        output.out(options.json === true ? json(report) : alertRunText(report));
      });
    });
}
