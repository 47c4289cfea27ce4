import { z } from 'zod';

export const Role = {
  player: 'player',
  marketing: 'marketing',
  support: 'support',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ZRole = z.enum(['player', 'marketing', 'support', 'admin']);

export const ZLocale = z.enum(['en', 'it']);
export type TLocale = z.infer<typeof ZLocale>;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }));

/** OWASP: at least 8 characters, allow long passphrases, cap to bound hashing cost. */
export const ZPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(128, 'must be at most 128 characters');

export const ZDisplayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[^<>]*$/, 'must not contain < or >');

/** A referral code as printed in invite links; validated loosely here, strictly by the referral service. */
export const ZReferralCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{4,32}$/, 'is not a valid invite code');

/** POST /api/auth/signup */
export const ZSignupBody = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  displayName: ZDisplayName,
  locale: ZLocale.optional(),
  referralCode: ZReferralCode.optional(),
});
export type TSignupBody = z.infer<typeof ZSignupBody>;

/** POST /api/auth/login */
export const ZLoginBody = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, 'is required').max(128, 'must be at most 128 characters'),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  locale: ZLocale,
  /** The player clicked the verification link (or their identity provider vouched for the address). */
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

/** Answer to signup, login and refresh; the refresh token itself travels only in an httpOnly cookie. */
export const ZSession = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  user: ZUser,
});
export type TSession = z.infer<typeof ZSession>;

export const ZMeResponse = z.object({ user: ZUser });
export const ZOkResponse = z.object({ ok: z.literal(true) });

/** The token of a verification link (`/verify-email#token=…`): 32 random bytes, base64url. */
export const EMAIL_VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const ZVerifyEmailBody = z.strictObject({
  token: z.string().regex(EMAIL_VERIFICATION_TOKEN, 'is not a verification token'),
});
export type TVerifyEmailBody = z.infer<typeof ZVerifyEmailBody>;
export const ZVerifyEmailResponse = z.object({
  verified: z.literal(true),
  /** The address had been verified before this request (a second click). */
  alreadyVerified: z.boolean(),
});
export type TVerifyEmailResponse = z.infer<typeof ZVerifyEmailResponse>;

/** The token of a password reset link (`/reset-password#token=…`): 32 random bytes, base64url. */
export const PASSWORD_RESET_TOKEN = EMAIL_VERIFICATION_TOKEN;

/** POST /api/auth/password-reset: ask for a reset link. */
export const ZPasswordResetRequestBody = z.strictObject({ email: ZEmail });
export type TPasswordResetRequestBody = z.infer<typeof ZPasswordResetRequestBody>;
/** The same answer whether or not the address has an account, so nobody can probe for one. */
export const ZPasswordResetRequested = z.object({ requested: z.literal(true) });

/** POST /api/auth/password-reset/confirm: spend the link's token on a new password. */
export const ZPasswordResetBody = z.strictObject({
  token: z.string().regex(PASSWORD_RESET_TOKEN, 'is not a reset token'),
  password: ZPassword,
});
export type TPasswordResetBody = z.infer<typeof ZPasswordResetBody>;

/** PATCH /api/me: what a player may change about themselves (at least one of). */
export const ZProfileUpdateBody = z
  .strictObject({
    displayName: ZDisplayName.optional(),
    /** The language of the emails Playloop sends. */
    locale: ZLocale.optional(),
  })
  .refine((b) => b.displayName !== undefined || b.locale !== undefined, {
    message: 'name at least one of displayName, locale',
  });
export type TProfileUpdateBody = z.infer<typeof ZProfileUpdateBody>;

/** POST /api/auth/password: a signed-in player changes their password. */
export const ZPasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(128, 'must be at most 128 characters'),
  newPassword: ZPassword,
});
export type TPasswordChangeBody = z.infer<typeof ZPasswordChangeBody>;

/**
 * DELETE /api/auth/account: a signed-in player erases their account. A local account proves its
 * password again; an account whose password is its sign-in provider's sends none.
 */
export const ZAccountDeleteBody = z.strictObject({
  currentPassword: z
    .string()
    .min(1, 'is required')
    .max(128, 'must be at most 128 characters')
    .optional(),
});
export type TAccountDeleteBody = z.infer<typeof ZAccountDeleteBody>;

export const ZAccountDeleted = z.object({ deleted: z.literal(true) });
export type TAccountDeleted = z.infer<typeof ZAccountDeleted>;

/**
 * GET /api/me/data: everything kept about the signed-in player, as a download. The sections are
 * listed in `exportUserData` (packages/core); the profile is typed here, the rest is data.
 */
export const ZMyData = z.looseObject({
  exportedAt: z.string(),
  profile: z.looseObject({ id: z.string(), email: z.string(), displayName: z.string() }),
  signupSignals: z.unknown(),
  inviteCodes: z.array(z.unknown()),
  friendsInvited: z.array(z.unknown()),
  invitedBy: z.unknown(),
  wallet: z.array(z.unknown()),
  ledgerEntries: z.array(z.unknown()),
  wheelSpins: z.array(z.unknown()),
  quizShows: z.array(z.unknown()),
  soloQuizzes: z.array(z.unknown()),
  rewardOrders: z.array(z.unknown()),
  notifications: z.array(z.unknown()),
});
export type TMyData = z.infer<typeof ZMyData>;
