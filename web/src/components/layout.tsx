import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { useSignOut, useViewer } from '../features/account/viewer';
import { useCart } from '../features/cart/use-cart';
import { REGIONS, useRegion, type RegionCode } from '../lib/region';
import { Logo } from './logo';

const NavCategories = graphql(`
  query NavCategories {
    categories {
      id
      slug
      name
    }
  }
`);

function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = text.trim();
    if (query) navigate(`/search?q=${encodeURIComponent(query)}`);
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder="Search products, brands…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit" className="search-button" aria-label="Search">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m20 20-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}

function RegionSelect() {
  const { region, setRegion } = useRegion();
  return (
    <label className="region-select">
      <span className="visually-hidden">Shipping region</span>
      <select value={region} onChange={(event) => setRegion(event.target.value as RegionCode)} aria-label="Shipping region">
        {REGIONS.map((option) => (
          <option key={option.code} value={option.code}>
            {option.short}
          </option>
        ))}
      </select>
    </label>
  );
}

function CartLink() {
  const { cart } = useCart();
  const count = cart?.totalQuantity ?? 0;
  return (
    <Link to="/cart" className="header-action cart-link" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M5 7h14l-1.2 12.1a1 1 0 0 1-1 .9H7.2a1 1 0 0 1-1-.9z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
        <path d="M9 10V6a3 3 0 0 1 6 0v4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="header-action-label">Cart</span>
      <span className={`cart-count ${count === 0 ? 'is-empty' : ''}`} data-testid="cart-count" aria-hidden="true">
        {count}
      </span>
    </Link>
  );
}

function AccountMenu() {
  const { viewer } = useViewer();
  const { signOut, loading } = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  if (!viewer) {
    return (
      <Link to="/sign-in" className="header-action" aria-label="Sign in">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <span className="header-action-label">Sign in</span>
      </Link>
    );
  }
  return (
    <details className="account-menu" ref={menu}>
      <summary className="header-action">
        <span className="avatar" aria-hidden="true">
          {viewer.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="header-action-label">{viewer.name.split(' ')[0]}</span>
      </summary>
      <div className="account-menu-panel">
        <p className="account-menu-email">{viewer.email}</p>
        <Link to="/orders">My orders</Link>
        <button
          type="button"
          disabled={loading}
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          Sign out
        </button>
      </div>
    </details>
  );
}

function CategoryNav() {
  const { data } = useQuery(NavCategories);
  const categories = data?.categories ?? [];
  if (categories.length === 0) return <nav className="category-nav" aria-label="Categories" />;
  return (
    <nav className="category-nav" aria-label="Categories">
      <ul>
        {categories.map((category) => (
          <li key={category.id}>
            <NavLink to={`/c/${category.slug}`}>{category.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Moves focus to the page on navigation, so keyboard and screen-reader users start at the top of the new page. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

export function Layout({ children }: { children: ReactNode }) {
  const main = useFocusOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-row container">
          <Link to="/" className="brand" aria-label="Meridian, home">
            <Logo />
            <span className="brand-name">Meridian</span>
          </Link>
          <SearchBox />
          <div className="header-actions">
            <RegionSelect />
            <AccountMenu />
            <CartLink />
          </div>
        </div>
        <div className="container">
          <CategoryNav />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-row">
          <span>© Meridian — a demo shop on a federated GraphQL supergraph.</span>
          <nav aria-label="Footer" className="footer-links">
            <Link to="/orders">My orders</Link>
            <a href="/explorer">GraphQL explorer</a>
          </nav>
        </div>
      </footer>
    </>
  );
}
