/**
 * English, the reference dictionary: its keys define `MessageKey`, and the Italian dictionary is
 * typed against them, so a key missing from (or unknown to) either language fails the build.
 * `{name}` placeholders are filled by `t(key, { name })`.
 *
 * `error.<CODE>` entries translate the shared error codes. A code added to `@playloop/shared`
 * later does not break this build (the contract grows while the SPA ships); until it is added
 * here it shows the contract's English message, and `dictionaries.test.ts` fails to say so.
 */
export const en = {
  'app.name': 'Playloop',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.footer': 'Playloop is open source under the Apache-2.0 licence.',

  'nav.primary': 'Main',
  'nav.home': 'Home',
  'nav.dashboard': 'Dashboard',
  'nav.login': 'Log in',
  'nav.signup': 'Sign up',
  'nav.logout': 'Log out',
  'nav.loggingOut': 'Logging out…',

  'language.label': 'Language',

  'home.title': 'Play together. Invite friends. Win real rewards.',
  'home.lead':
    'Playloop is a live game night in your browser: join the quiz show, spin the wheel of fortune, share your invite link and earn rewards every time a friend joins.',
  'home.ctaSignup': 'Create your free account',
  'home.ctaLogin': 'I already have an account',
  'home.ctaDashboard': 'Open your dashboard',
  'home.featuresTitle': 'How it works',
  'home.feature1Title': 'Live quiz show',
  'home.feature1Body':
    'Answer in real time with everyone else. The fastest right answers climb the leaderboard.',
  'home.feature2Title': 'Wheel of fortune',
  'home.feature2Body': 'Spin for prizes with provably fair draws you can verify yourself.',
  'home.feature3Title': 'Invite and earn',
  'home.feature3Body': 'Share your link. When friends join and play, you both get rewarded.',
  'home.signedOut': 'You have been logged out.',

  'signup.title': 'Create your account',
  'signup.lead': 'It takes less than a minute. No credit card needed.',
  'signup.email': 'Email',
  'signup.displayName': 'Display name',
  'signup.displayNameHint': 'Shown to other players. Up to 40 characters.',
  'signup.password': 'Password',
  'signup.passwordHint': 'At least 10 characters. A short sentence works great.',
  'signup.submit': 'Create account',
  'signup.submitting': 'Creating account…',
  'signup.haveAccount': 'Already have an account?',
  'signup.checkEmail': 'Almost there: check your inbox to confirm your email, then log in.',
  'signup.fixFields': 'Please correct the highlighted fields.',

  'login.title': 'Welcome back',
  'login.lead': 'Log in to play and see your rewards.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.waitButton': 'Try again in {seconds} s',
  'login.rateLimited': 'Too many attempts. You can try again in {seconds} s.',
  'login.noAccount': 'New to Playloop?',
  'login.signupLink': 'Create an account',

  'validation.required': 'This field is required.',
  'validation.email': 'Enter a valid email address, like name@example.com.',
  'validation.tooShort': 'Must be at least {min} characters.',
  'validation.tooLong': 'Must be at most {max} characters.',
  'validation.displayNameChars': 'Must not contain < or >.',
  'validation.invalid': 'This value is not valid.',

  'conn.prefix': 'Connection:',
  'conn.live': 'Live',
  'conn.connecting': 'Connecting…',
  'conn.offline': 'Offline',

  'shell.signedInAs': 'Signed in as',

  'dashboard.title': 'Hi, {name}!',
  'dashboard.lead': 'Your games, invites and rewards at a glance.',
  'notifications.title': 'Notifications',
  'notifications.loading': 'Loading notifications…',
  'notifications.empty': 'No notifications yet. New ones appear here live.',
  'notifications.error': 'Notifications could not be loaded.',
  'notifications.retry': 'Try again',
  'notifications.unread': 'New',
  'notifications.announce': 'New notification: {title}',
  'profile.title': 'Your profile',
  'profile.email': 'Email',
  'profile.memberSince': 'Member since',
  'profile.language': 'Language',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you are looking for does not exist.',
  'notFound.back': 'Back to the home page',

  'error.VALIDATION_FAILED': 'Some fields are not valid.',
  'error.MALFORMED_JSON': 'The request could not be read. Please try again.',
  'error.PAYLOAD_TOO_LARGE': 'That is too much data at once.',
  'error.AUTH_REQUIRED': 'Please log in.',
  'error.AUTH_INVALID_TOKEN': 'Your session is not valid. Please log in again.',
  'error.AUTH_TOKEN_EXPIRED': 'Your session has expired. Please log in again.',
  'error.AUTH_INVALID_CREDENTIALS': 'Email or password is wrong.',
  'error.AUTH_REFRESH_INVALID': 'Your session has ended. Please log in again.',
  'error.AUTH_REFRESH_REUSED':
    'Your session was used elsewhere and was ended for safety. Please log in again.',
  'error.FORBIDDEN': 'You are not allowed to do that.',
  'error.ORIGIN_NOT_ALLOWED': 'This site is not allowed to talk to Playloop.',
  'error.EMAIL_TAKEN': 'An account with this email already exists. Try logging in.',
  'error.NOT_FOUND': 'Not found.',
  'error.CONFLICT': 'That conflicts with a change made meanwhile. Please reload.',
  'error.RATE_LIMITED': 'Too many attempts. Please wait a moment.',
  'error.OVERLOADED': 'We are very busy right now. Please try again shortly.',
  'error.UNKNOWN_EVENT': 'Something went wrong. Please reload the page.',
  'error.DEPENDENCY_UNAVAILABLE':
    'A service we depend on is unavailable. Please try again shortly.',
  'error.INSUFFICIENT_FUNDS': 'There is not enough balance for that.',
  'error.INVITE_NOT_FOUND': 'This invite link does not exist.',
  'error.INVITE_EXPIRED': 'This invite link has expired.',
  'error.CAMPAIGN_NOT_ACTIVE': 'This campaign is not running right now.',
  'error.REFERRAL_ALREADY_ATTRIBUTED': 'You were already invited by someone else.',
  'error.SELF_REFERRAL': 'You cannot use your own invite link.',
  'error.API_KEY_INVALID': 'The API key is missing or wrong.',
  'error.NO_SPINS':
    'You have no spins left. Claim your daily spin or invite a friend to earn more.',
  'error.DAILY_SPIN_ALREADY_CLAIMED': 'You already claimed today’s free spin. Come back tomorrow.',
  'error.OUT_OF_STOCK': 'Sorry, this reward has just run out.',
  'error.REWARD_LIMIT_REACHED': 'You have already redeemed this reward as many times as allowed.',
  'error.REWARD_UNAVAILABLE': 'This reward is not available right now.',
  'error.SIGNATURE_INVALID': 'The signature is missing, wrong or too old.',
  'error.ADMISSION_REQUIRED':
    'Lots of people are joining right now. Please wait for your turn in the waiting room.',
  'error.QUIZ_NOT_JOINED': 'Join the quiz first.',
  'error.QUIZ_QUESTION_NOT_OPEN': 'This question is not open yet.',
  'error.QUIZ_ANSWER_LATE': 'Time is up for this question.',
  'error.QUIZ_ALREADY_ANSWERED': 'You already answered this question.',
  'error.QUIZ_ANSWER_INVALID': 'That answer is not one of the choices.',
  'error.QUIZ_NOT_PLAYING': 'You joined during this question: you play from the next one.',
  'error.QUIZ_SESSION_OVER': 'This quiz is over.',
  'error.INTERNAL': 'Something went wrong on our side. Please try again.',
  'error.NETWORK': 'We could not reach Playloop. Check your connection and try again.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
