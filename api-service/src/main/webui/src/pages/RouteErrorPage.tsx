/** What a page that crashed shows instead of a stack trace: a sentence and a way on. */
import { Link } from 'react-router';
import { Brand } from '../components/Layout';
import { Button } from '../components/ui';

export function RouteErrorPage() {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center" role="alert">
        <div className="mb-6 flex justify-center"><Brand /></div>
        <h1 className="text-xl font-semibold text-slate-900">This page ran into a problem</h1>
        <p className="mt-2 text-sm text-slate-600">
          Something in the answer from the platform was not what the page expected. Reloading usually helps; your work on the
          server is not affected.
        </p>
        <div className="mt-5 flex justify-center gap-2">
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Link to="/" className="rounded-lg px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">Go to the dashboard</Link>
        </div>
      </div>
    </div>
  );
}
