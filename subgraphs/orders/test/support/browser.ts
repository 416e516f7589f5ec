import { post, SIGN_UP, type GatewayResponse } from '../../../../gateway/test/support/gateway-harness';

/**
 * One shopper's browser talking to the gateway: it keeps the cookies the gateway sets (the guest
 * session on the first request, the session after signing up) and sends them back, and nothing
 * else identifies it.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly graphqlUrl: string) {}

  async send<T>(query: string, variables: Record<string, unknown> = {}): Promise<GatewayResponse<T>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await post<T>(this.graphqlUrl, query, variables, cookie ? { cookie } : {});
    for (const line of response.cookies) this.keep(line);
    return response;
  }

  /** Like send, but fails on any GraphQL error. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.send<T>(query, variables);
    if (response.errors?.length || !response.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** Signs up through the gateway (the session cookie comes back); returns the new user's id. */
  async signUp(email: string): Promise<string> {
    const { signUp } = await this.data<{ signUp: { user: { id: string } | null; userErrors: unknown[] } }>(SIGN_UP, {
      email,
      password: 'a long enough password for tests',
      name: 'Orders shopper',
    });
    if (!signUp.user) throw new Error(`sign-up of ${email} failed: ${JSON.stringify(signUp.userErrors)}`);
    return signUp.user.id;
  }

  async addToCart(sku: string, quantity: number): Promise<void> {
    const { addToCart } = await this.data<{ addToCart: { userErrors: unknown[] } }>(
      'mutation($sku: ID!, $quantity: Int!) { addToCart(sku: $sku, quantity: $quantity, region: "eu") { userErrors { code message } } }',
      { sku, quantity },
    );
    if (addToCart.userErrors.length > 0) throw new Error(`addToCart ${sku}: ${JSON.stringify(addToCart.userErrors)}`);
  }

  async cartLines(): Promise<Array<{ sku: string; quantity: number }>> {
    return (await this.data<{ cart: { lines: Array<{ sku: string; quantity: number }> } }>('{ cart { lines { sku quantity } } }')).cart.lines;
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (value === '' || expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
