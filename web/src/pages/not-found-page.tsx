import { Link } from 'react-router';
import { EmptyState } from '../components/states';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState title="We could not find that page">
      <p>
        <Link to="/">Go to the home page</Link> or search for what you need.
      </p>
    </EmptyState>
  );
}
