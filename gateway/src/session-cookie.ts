import type { FastifyReply } from 'fastify';
import { clearCookie, setCookie } from './cookies';

/** The browser session cookie: the opaque token accounts issued, HttpOnly so no script can read it. */
export const SESSION_COOKIE = 'shop_session';

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  setCookie(reply, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure });
}
