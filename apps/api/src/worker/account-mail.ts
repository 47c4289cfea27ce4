import {
  EMAIL_VERIFICATION_TTL_HOURS,
  findUserByEmail,
  findUserById,
  issueEmailVerification,
  issuePasswordReset,
  PASSWORD_RESET_TTL_MINUTES,
  ZPasswordResetJob,
  ZVerifyEmailJob,
  type Mailer,
  type Pool,
} from '@playloop/core';
import { ZEmail } from '@playloop/shared';

const TEXT = {
  en: {
    verifySubject: 'Confirm your email for Playloop',
    verify: (name: string, link: string, hours: number) =>
      `Hi ${name},\n\nconfirm your email address by opening this link (valid for ${hours} hours):\n\n${link}\n\nIf you did not sign up for Playloop, ignore this email.`,
    resetSubject: 'Reset your Playloop password',
    reset: (name: string, link: string, minutes: number) =>
      `Hi ${name},\n\nsomeone (we hope you) asked to reset your Playloop password. Choose a new one by opening this link (valid for ${minutes} minutes, once):\n\n${link}\n\nIf you did not ask, ignore this email: your password stays as it is.`,
  },
  it: {
    verifySubject: 'Conferma la tua email per Playloop',
    verify: (name: string, link: string, hours: number) =>
      `Ciao ${name},\n\nconferma il tuo indirizzo email aprendo questo link (valido ${hours} ore):\n\n${link}\n\nSe non ti sei registrato a Playloop, ignora questa email.`,
    resetSubject: 'Reimposta la tua password di Playloop',
    reset: (name: string, link: string, minutes: number) =>
      `Ciao ${name},\n\nqualcuno (speriamo tu) ha chiesto di reimpostare la tua password di Playloop. Scegline una nuova aprendo questo link (valido ${minutes} minuti, una sola volta):\n\n${link}\n\nSe non l'hai chiesto tu, ignora questa email: la tua password resta com'è.`,
  },
} as const;

/**
 * Account emails with single-use links into the SPA. The token travels in the fragment
 * (`#token=…`), so it never reaches a server log or a Referer. A retried job makes a new token:
 * one that was never delivered simply expires unused.
 */
export function createAccountMail(deps: { pool: Pool; mailer: Mailer; appUrl: string }) {
  const link = (page: string, token: string) =>
    `${deps.appUrl.replace(/\/$/, '')}/${page}#token=${token}`;

  return {
    async verifyEmail(data: unknown) {
      const { userId } = ZVerifyEmailJob.parse(data);
      const user = await findUserById(deps.pool, userId);
      if (!user || user.email_verified_at) return { skipped: true };
      const { token } = await issueEmailVerification(deps.pool, userId);
      const text = TEXT[user.locale];
      await deps.mailer.send({
        to: user.email,
        subject: text.verifySubject,
        text: text.verify(
          user.display_name,
          link('verify-email', token),
          EMAIL_VERIFICATION_TTL_HOURS,
        ),
      });
      return { sent: true };
    },

    /** Mails only an existing account with a Playloop password; the requester never learns which. */
    async passwordReset(data: unknown) {
      const email = ZEmail.safeParse(ZPasswordResetJob.parse(data).email);
      const user = email.success ? await findUserByEmail(deps.pool, email.data) : null;
      if (!user?.password_hash) return { skipped: true };
      const { token } = await issuePasswordReset(deps.pool, user.id);
      const text = TEXT[user.locale];
      await deps.mailer.send({
        to: user.email,
        subject: text.resetSubject,
        text: text.reset(
          user.display_name,
          link('reset-password', token),
          PASSWORD_RESET_TTL_MINUTES,
        ),
      });
      return { sent: true };
    },
  };
}
