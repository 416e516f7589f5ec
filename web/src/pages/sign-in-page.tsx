import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useIdentityChanged } from '../features/account/viewer';
import { graphql } from '../gql';
import { describeError } from '../lib/errors';
import { useDocumentTitle } from '../lib/use-document-title';

const SignIn = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user {
        id
        name
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SignUp = graphql(`
  mutation SignUp($email: String!, $password: String!, $name: String!) {
    signUp(email: $email, password: $password, name: $name) {
      user {
        id
        name
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** Only paths inside the shop, so `next` cannot send the shopper elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface AccountFormProps {
  mode: 'sign-in' | 'sign-up';
}

function AccountForm({ mode }: AccountFormProps) {
  const signingUp = mode === 'sign-up';
  useDocumentTitle(signingUp ? 'Create an account' : 'Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const identityChanged = useIdentityChanged();
  const [signIn, signInState] = useMutation(SignIn);
  const [signUp, signUpState] = useMutation(SignUp);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const busy = signInState.loading || signUpState.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const payload = signingUp
        ? (await signUp({ variables: { email: email.trim(), password, name: name.trim() } })).data?.signUp
        : (await signIn({ variables: { email: email.trim(), password } })).data?.signIn;
      const failure = payload?.userErrors[0];
      if (failure || !payload?.user) {
        setError({ message: failure?.message ?? 'That did not work. Please try again.', field: failure?.field?.at(-1) });
        return;
      }
      await identityChanged();
      navigate(next);
    } catch (failure) {
      setError({ message: describeError(failure) });
    }
  };

  const fieldError = (field: string) =>
    error?.field === field ? (
      <p className="field-error" id={`${field}-error`}>
        {error.message}
      </p>
    ) : null;

  return (
    <div className="auth">
      <form className="auth-card" onSubmit={submit}>
        <h1>{signingUp ? 'Create your account' : 'Welcome back'}</h1>
        <p className="muted">{signingUp ? 'Your cart and recently viewed items come with you.' : 'Sign in to see your orders. Your cart comes with you.'}</p>
        {error && !error.field && (
          <p className="notice notice-error" role="alert">
            {error.message}
          </p>
        )}
        {signingUp && (
          <div className={`field ${error?.field === 'name' ? 'has-error' : ''}`}>
            <label htmlFor="name">Name</label>
            <input id="name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} aria-describedby={error?.field === 'name' ? 'name-error' : undefined} />
            {fieldError('name')}
          </div>
        )}
        <div className={`field ${error?.field === 'email' ? 'has-error' : ''}`}>
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby={error?.field === 'email' ? 'email-error' : undefined} />
          {fieldError('email')}
        </div>
        <div className={`field ${error?.field === 'password' ? 'has-error' : ''}`}>
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            required
            minLength={signingUp ? 8 : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby={[signingUp ? 'password-hint' : '', error?.field === 'password' ? 'password-error' : ''].filter(Boolean).join(' ') || undefined}
          />
          {signingUp && (
            <p className="field-hint" id="password-hint">
              At least 8 characters.
            </p>
          )}
          {fieldError('password')}
        </div>
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? 'One moment…' : signingUp ? 'Create account' : 'Sign in'}
        </button>
        <p className="auth-switch">
          {signingUp ? (
            <>
              Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
            </>
          ) : (
            <>
              New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
            </>
          )}
        </p>
      </form>
    </div>
  );
}

export const SignInPage = () => <AccountForm mode="sign-in" />;
export const SignUpPage = () => <AccountForm mode="sign-up" />;
