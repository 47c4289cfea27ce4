import { createTransport } from 'nodemailer';
import type { Logger } from '../logging/logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; absent: messages are written to the log. */
  smtpUrl?: string | undefined;
  from: string;
}

/**
 * Outgoing email. With `SMTP_URL` it goes to that relay (the operator's provider: SES, Postmark,
 * Mailgun, a Postfix…); without it, in development, each message is logged instead, so the link in
 * it can be followed from the terminal. A send that fails throws: the job retries with backoff.
 */
export function createMailer(config: MailerConfig, logger: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      async send(message) {
        logger.info({ mail: message }, `email to ${message.to} (no SMTP_URL: logged, not sent)`);
      },
      close() {},
    };
  }
  const transport = createTransport(
    {
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
    { from: config.from },
  );
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close() {
      transport.close();
    },
  };
}
