import { EmptyState, LinkButton } from '../components/ui';

export function NotFoundPage() {
  return (
    <div className="mt-10">
      <EmptyState title="This page does not exist" action={<LinkButton to="/">Go to the dashboard</LinkButton>}>
        The address may be mistyped, or the page has moved.
      </EmptyState>
    </div>
  );
}
