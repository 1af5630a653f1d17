import { PactwatchError } from '@pactwatch/domain';
import nodemailer from 'nodemailer';
import type { AlertsConfig } from '../config/config.js';
import type { SendOutcome } from './webhook-sender.js';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** SMTP settings an e-mail rule needs; fails fast naming the variable that is missing. */
export function requireSmtp(config: AlertsConfig): { readonly url: string; readonly from: string } {
  if (config.smtpUrl === undefined) throw new PactwatchError('CONFIG_INVALID', 'e-mail alerts need PACTWATCH_SMTP_URL (smtp://host:port of the mail server); it is not set');
  if (config.smtpFrom === undefined) throw new PactwatchError('CONFIG_INVALID', 'e-mail alerts need PACTWATCH_SMTP_FROM (the From address); it is not set');
  return { url: config.smtpUrl, from: config.smtpFrom };
}

/** Sends one message through the configured SMTP server; a refusal or timeout is a failure to retry. */
export async function sendEmail(config: AlertsConfig, message: EmailMessage): Promise<SendOutcome> {
  const smtp = requireSmtp(config);
  const timeout = Math.round(config.timeoutSeconds * 1000);
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  try {
    const info = await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    return { ok: true, detail: `accepted by the SMTP server (${info.messageId})` };
  } catch (error) {
    // nodemailer's messages name the server's answer, not the URL's credentials.
    return { ok: false, error: `the SMTP server did not take the message (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    transport.close();
  }
}
