import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Minimal cookie reading and writing for the gateway's two cookies. (@fastify/cookie 11 loads
 * the ESM-only `cookie` package with a dynamic import, which jest's CommonJS runtime refuses.)
 */
export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  path?: string;
  expires?: Date;
  maxAgeSeconds?: number;
}

const NAME = /^[\w-]+$/;

/** The cookies of a request; a malformed pair is skipped, the first of repeated names wins. */
export function readCookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  const cookies: Record<string, string> = {};
  if (typeof header !== 'string' || header.length > 8192) return cookies;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    const name = pair.slice(0, index).trim();
    if (!NAME.test(name) || name in cookies) continue;
    let value = pair.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      // not percent-encoded properly: ignore the cookie
    }
  }
  return cookies;
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return readCookies(request)[name];
}

export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`];
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  parts.push(`SameSite=${options.sameSite === 'strict' ? 'Strict' : 'Lax'}`);
  // Fastify appends repeated set-cookie headers instead of replacing them.
  reply.header('set-cookie', parts.join('; '));
}

export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'expires' | 'maxAgeSeconds'>): void {
  setCookie(reply, name, '', { ...options, expires: new Date(0), maxAgeSeconds: 0 });
}
