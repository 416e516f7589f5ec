import { forbidden, userError, type UserError } from '@shop/platform';
import type { Context } from '../context';
import type { UserRecord } from '../data-access/user-repository';
import { isPlausibleSignIn, normalizeEmail } from './credentials';
import { accountKey, addressKey, isThrottled } from './sign-in-throttle';
import { startSession } from './start-session';

export interface SignInResult {
  user: UserRecord | null;
  sessionExpiresAt: Date | null;
  userErrors: UserError[];
}

const INVALID = (): SignInResult => ({
  user: null,
  sessionExpiresAt: null,
  userErrors: [userError('INVALID_CREDENTIALS', 'The email or the password is wrong')],
});

/**
 * count the attempt → refuse when throttled → verify the password (or burn the same time
 * when the email is unknown) → forgive the attempt → start a session.
 * Unknown email and wrong password answer the same error after about the same time.
 */
export async function signIn(context: Context, input: { email: string; password: string }): Promise<SignInResult> {
  if (context.identity.role === 'partner') throw forbidden('Partners cannot sign in');
  const { repositories, services } = context;
  const email = normalizeEmail(input.email);
  if (!isPlausibleSignIn(email, input.password)) return INVALID();

  const account = accountKey(email);
  const address = context.clientAddress ? addressKey(context.clientAddress) : null;
  const counts = await repositories.throttle.recordAttempt(address ? [account, address] : [account], services.settings.throttle.windowSeconds);
  if (isThrottled(counts, services.settings.throttle)) {
    context.logger.warn({ address: context.clientAddress }, 'sign-in throttled');
    return { user: null, sessionExpiresAt: null, userErrors: [userError('RATE_LIMITED', 'Too many sign-in attempts; try again later')] };
  }

  const user = await repositories.users.findCredentialsByEmail(email);
  if (!user) {
    await services.passwords.burn(input.password);
    return INVALID();
  }
  if (!(await services.passwords.verify(input.password, user.passwordHash))) return INVALID();

  await repositories.throttle.forgiveSuccess(account, address);
  if (services.passwords.needsRehash(user.passwordHash)) {
    await repositories.users.updatePasswordHash(user.id, await services.passwords.hash(input.password));
  }
  const { passwordHash: _hash, ...record } = user;
  const { expiresAt } = await startSession(context, record);
  return { user: record, sessionExpiresAt: expiresAt, userErrors: [] };
}
