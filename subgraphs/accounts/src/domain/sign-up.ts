import { forbidden, userError, type UserError } from '@shop/platform';
import type { Context } from '../context';
import type { UserRecord } from '../data-access/user-repository';
import { validateSignUp } from './credentials';
import { startSession } from './start-session';
import { newId } from './tokens';

export interface SignUpResult {
  user: UserRecord | null;
  sessionExpiresAt: Date | null;
  userErrors: UserError[];
}

/** validate → hash → create (email unique) → start a session. */
export async function signUp(context: Context, input: { email: string; password: string; name: string }): Promise<SignUpResult> {
  if (context.identity.role === 'partner') throw forbidden('Partners cannot create accounts');
  const valid = validateSignUp(input);
  if (!valid.ok) return { user: null, sessionExpiresAt: null, userErrors: valid.userErrors };
  const passwordHash = await context.services.passwords.hash(valid.password);
  const user = await context.repositories.users.create({ id: newId(), email: valid.email, name: valid.name, passwordHash, role: 'shopper' });
  if (!user) {
    return { user: null, sessionExpiresAt: null, userErrors: [userError('EMAIL_TAKEN', 'An account with this email exists; sign in instead', ['email'])] };
  }
  const { expiresAt } = await startSession(context, user);
  return { user, sessionExpiresAt: expiresAt, userErrors: [] };
}
