import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './components/error-boundary';
import { Layout } from './components/layout';
import { Spinner } from './components/states';
import { ActivityProvider } from './features/activity/activity-context';
import { RegionProvider } from './lib/region';
import { CartPage } from './pages/cart-page';
import { CategoryPage } from './pages/category-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProductPage } from './pages/product-page';
import { SearchPage } from './pages/search-page';

// Pages off the browsing path load on demand, keeping the first download small.
const CheckoutPage = lazy(() => import('./pages/checkout-page').then((module) => ({ default: module.CheckoutPage })));
const OrderConfirmationPage = lazy(() => import('./pages/order-confirmation-page').then((module) => ({ default: module.OrderConfirmationPage })));
const OrdersPage = lazy(() => import('./pages/orders-page').then((module) => ({ default: module.OrdersPage })));
const OrderPage = lazy(() => import('./pages/order-page').then((module) => ({ default: module.OrderPage })));
const SignInPage = lazy(() => import('./pages/sign-in-page').then((module) => ({ default: module.SignInPage })));
const SignUpPage = lazy(() => import('./pages/sign-in-page').then((module) => ({ default: module.SignUpPage })));

function Pages() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Spinner />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/c/:slug" element={<CategoryPage />} />
          <Route path="/p/:slug" element={<ProductPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/cart" element={<CartPage />} />
          <Route path="/checkout" element={<CheckoutPage />} />
          <Route path="/checkout/done/:orderId" element={<OrderConfirmationPage />} />
          <Route path="/orders" element={<OrdersPage />} />
          <Route path="/orders/:orderId" element={<OrderPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App({ client }: { client: ApolloClient }) {
  return (
    <ApolloProvider client={client}>
      <RegionProvider>
        <ActivityProvider>
          <BrowserRouter>
            <Layout>
              <Pages />
            </Layout>
          </BrowserRouter>
        </ActivityProvider>
      </RegionProvider>
    </ApolloProvider>
  );
}
