/**
 * The closed set of error codes every Playloop boundary speaks (REST bodies and socket acks).
 * Each code is documented with when it is thrown; the HTTP status lives in `ERROR_HTTP_STATUS`,
 * whose type makes the compiler refuse a missing code.
 */
export const ErrorCode = {
  /** A body, query, param or socket payload failed its schema; `details` names the fields. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The JSON body could not be parsed at all. */
  MALFORMED_JSON: 'MALFORMED_JSON',
  /** The body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** No access token was presented where one is required. */
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  /** The access token is malformed, forged, of the wrong algorithm, audience or issuer. */
  AUTH_INVALID_TOKEN: 'AUTH_INVALID_TOKEN',
  /** The access token was valid but has expired: refresh and retry once. */
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  /** Email and password do not match an account. Deliberately vague. */
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  /** The refresh token is unknown, expired or revoked: sign in again. */
  AUTH_REFRESH_INVALID: 'AUTH_REFRESH_INVALID',
  /** A refresh token was presented twice; its whole family is now revoked. */
  AUTH_REFRESH_REUSED: 'AUTH_REFRESH_REUSED',
  /** The signed-in user lacks the role the action needs. */
  FORBIDDEN: 'FORBIDDEN',
  /** The request's Origin is not on the allow-list. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** Sign-up with an email that already has an account. */
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  /** An email verification link that does not exist (mistyped, truncated or forged). */
  EMAIL_VERIFICATION_INVALID: 'EMAIL_VERIFICATION_INVALID',
  /** An email verification link past its expiry; ask for a new one. */
  EMAIL_VERIFICATION_EXPIRED: 'EMAIL_VERIFICATION_EXPIRED',
  /** A password reset link that does not exist or was already used. */
  PASSWORD_RESET_INVALID: 'PASSWORD_RESET_INVALID',
  /** A password reset link past its expiry; ask for a new one. */
  PASSWORD_RESET_EXPIRED: 'PASSWORD_RESET_EXPIRED',
  /** The addressed resource does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with the current state of the resource. */
  CONFLICT: 'CONFLICT',
  /** Too many requests from this IP, account or socket; honour `Retry-After`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The process is shedding load; honour `Retry-After`. */
  OVERLOADED: 'OVERLOADED',
  /** A socket event name that the server does not know. */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** A dependency (Postgres, Redis) is not answering. */
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  /** A ledger debit larger than the balance (points, spins or a campaign budget). */
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  /** No invite code like this exists. */
  INVITE_NOT_FOUND: 'INVITE_NOT_FOUND',
  /** The invite was clicked longer ago than the campaign's attribution window. */
  INVITE_EXPIRED: 'INVITE_EXPIRED',
  /** The campaign is not running (draft, paused, ended or outside its dates). */
  CAMPAIGN_NOT_ACTIVE: 'CAMPAIGN_NOT_ACTIVE',
  /** The player already has a referrer; there is only ever one. */
  REFERRAL_ALREADY_ATTRIBUTED: 'REFERRAL_ALREADY_ATTRIBUTED',
  /** A player tried to use their own invite. */
  SELF_REFERRAL: 'SELF_REFERRAL',
  /** A server-to-server call with a missing or wrong API key. */
  API_KEY_INVALID: 'API_KEY_INVALID',
  /** A wheel spin was asked for with no spin in the wallet; earn one (daily spin, referrals, quiz). */
  NO_SPINS: 'NO_SPINS',
  /** Today's free wheel spin (UTC day) was already claimed; the next one opens at UTC midnight. */
  DAILY_SPIN_ALREADY_CLAIMED: 'DAILY_SPIN_ALREADY_CLAIMED',
  /** The waiting room is queueing new visitors and this request carries no admission: join the queue (`POST /api/waiting-room/join`). */
  ADMISSION_REQUIRED: 'ADMISSION_REQUIRED',
  /** A quiz answer or leave for a session this socket has not joined (`quiz:join` first). */
  QUIZ_NOT_JOINED: 'QUIZ_NOT_JOINED',
  /** A quiz answer for a question that has not been asked yet (lobby, or a later index). */
  QUIZ_QUESTION_NOT_OPEN: 'QUIZ_QUESTION_NOT_OPEN',
  /** A quiz answer that reached the server after the question's deadline (server clock). */
  QUIZ_ANSWER_LATE: 'QUIZ_ANSWER_LATE',
  /** A second answer to the same question; the first one stands. */
  QUIZ_ALREADY_ANSWERED: 'QUIZ_ALREADY_ANSWERED',
  /** An answer index the current question does not have. */
  QUIZ_ANSWER_INVALID: 'QUIZ_ANSWER_INVALID',
  /** A late joiner answering the question that was running when they arrived: they play from the next one. */
  QUIZ_NOT_PLAYING: 'QUIZ_NOT_PLAYING',
  /** The quiz session is over (or was cancelled): results only, no joining or answering. */
  QUIZ_SESSION_OVER: 'QUIZ_SESSION_OVER',
  /** A redemption of a reward with no stock (or coupon codes) left. */
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** A redemption past the reward's per-player limit. */
  REWARD_LIMIT_REACHED: 'REWARD_LIMIT_REACHED',
  /** The reward is switched off, its campaign is not running, or its provider is not configured. */
  REWARD_UNAVAILABLE: 'REWARD_UNAVAILABLE',
  /** A signed server-to-server call (provider callback) with a missing, wrong or stale signature. */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status per code. `satisfies Record<ErrorCode, …>` makes a missing code a compile error. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_TOKEN: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  EMAIL_TAKEN: 409,
  EMAIL_VERIFICATION_INVALID: 400,
  EMAIL_VERIFICATION_EXPIRED: 410,
  PASSWORD_RESET_INVALID: 400,
  PASSWORD_RESET_EXPIRED: 410,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  OVERLOADED: 503,
  UNKNOWN_EVENT: 400,
  DEPENDENCY_UNAVAILABLE: 503,
  INSUFFICIENT_FUNDS: 409,
  INVITE_NOT_FOUND: 404,
  INVITE_EXPIRED: 410,
  CAMPAIGN_NOT_ACTIVE: 410,
  REFERRAL_ALREADY_ATTRIBUTED: 409,
  SELF_REFERRAL: 422,
  API_KEY_INVALID: 401,
  NO_SPINS: 409,
  DAILY_SPIN_ALREADY_CLAIMED: 409,
  ADMISSION_REQUIRED: 403,
  QUIZ_NOT_JOINED: 409,
  QUIZ_QUESTION_NOT_OPEN: 409,
  QUIZ_ANSWER_LATE: 409,
  QUIZ_ALREADY_ANSWERED: 409,
  QUIZ_ANSWER_INVALID: 422,
  QUIZ_NOT_PLAYING: 409,
  QUIZ_SESSION_OVER: 410,
  OUT_OF_STOCK: 409,
  REWARD_LIMIT_REACHED: 409,
  REWARD_UNAVAILABLE: 410,
  SIGNATURE_INVALID: 401,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/** User-facing default messages; the internal cause is logged separately. */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: 'Some fields are not valid.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  AUTH_REQUIRED: 'Please sign in.',
  AUTH_INVALID_TOKEN: 'Your session is not valid. Please sign in again.',
  AUTH_TOKEN_EXPIRED: 'Your session has expired.',
  AUTH_INVALID_CREDENTIALS: 'Email or password is wrong.',
  AUTH_REFRESH_INVALID: 'Your session has ended. Please sign in again.',
  AUTH_REFRESH_REUSED: 'Your session was used elsewhere and has been ended for safety.',
  FORBIDDEN: 'You are not allowed to do that.',
  ORIGIN_NOT_ALLOWED: 'This origin is not allowed.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  EMAIL_VERIFICATION_INVALID: 'This verification link is not valid. Ask for a new one.',
  EMAIL_VERIFICATION_EXPIRED: 'This verification link has expired. Ask for a new one.',
  PASSWORD_RESET_INVALID: 'This reset link is not valid or was already used. Ask for a new one.',
  PASSWORD_RESET_EXPIRED: 'This reset link has expired. Ask for a new one.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That conflicts with the current state.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment.',
  OVERLOADED: 'We are very busy right now. Please retry shortly.',
  UNKNOWN_EVENT: 'Unknown event.',
  DEPENDENCY_UNAVAILABLE: 'A service we depend on is unavailable. Please retry shortly.',
  INSUFFICIENT_FUNDS: 'There is not enough balance for that.',
  INVITE_NOT_FOUND: 'This invite link does not exist.',
  INVITE_EXPIRED: 'This invite link has expired.',
  CAMPAIGN_NOT_ACTIVE: 'This campaign is not running.',
  REFERRAL_ALREADY_ATTRIBUTED: 'You were already invited by someone else.',
  SELF_REFERRAL: 'You cannot use your own invite link.',
  API_KEY_INVALID: 'The API key is missing or wrong.',
  NO_SPINS: 'You have no spins left. Claim your daily spin or invite a friend to earn more.',
  DAILY_SPIN_ALREADY_CLAIMED: "You already claimed today's free spin. Come back tomorrow.",
  ADMISSION_REQUIRED:
    'Lots of people are joining right now. Please wait for your turn in the waiting room.',
  QUIZ_NOT_JOINED: 'Join the quiz first.',
  QUIZ_QUESTION_NOT_OPEN: 'This question is not open yet.',
  QUIZ_ANSWER_LATE: 'Time is up for this question.',
  QUIZ_ALREADY_ANSWERED: 'You already answered this question.',
  QUIZ_ANSWER_INVALID: 'That answer is not one of the choices.',
  QUIZ_NOT_PLAYING: 'You joined during this question: you play from the next one.',
  QUIZ_SESSION_OVER: 'This quiz is over.',
  OUT_OF_STOCK: 'Sorry, this reward has just run out.',
  REWARD_LIMIT_REACHED: 'You have already redeemed this reward as many times as allowed.',
  REWARD_UNAVAILABLE: 'This reward is not available right now.',
  SIGNATURE_INVALID: 'The signature is missing, wrong or too old.',
  INTERNAL: 'Something went wrong on our side.',
} as const satisfies Record<ErrorCode, string>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCode, value);
}
