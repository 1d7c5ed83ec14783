/** The frame of every signed-in page: brand, navigation, tenant and sign-out. */
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { signOut, useSession } from './SessionContext';
import { dashboardQuery } from './useDashboard';

const NAV: { to: string; label: string; short?: string; end: boolean }[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/templates', label: 'Templates', end: false },
  { to: '/custom', label: 'Custom demo', short: 'Custom', end: false },
  { to: '/pipelines', label: 'Pipelines', end: false },
];

/** Shown to tenant admins only (the dashboard names the caller's role). */
const ADMIN_NAV: typeof NAV = [{ to: '/insights', label: 'Insights', end: false }];

export function Brand() {
  return (
    <span className="flex items-center gap-2 font-semibold text-slate-900">
      <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#4f46e5" />
        <path d="M8 22V14M14 22V9M20 22v-6M26 22V11" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span className="whitespace-nowrap">CAPI Demo Platform</span>
    </span>
  );
}

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const tenant = session?.tenantId ?? null;
  const admin = useQuery(dashboardQuery).data?.role === 'admin';
  const nav = admin ? [...NAV, ...ADMIN_NAV] : NAV;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5 sm:px-6">
          <NavLink to="/" className="rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600"><Brand /></NavLink>
          <nav aria-label="Main" className="order-3 -mx-1.5 flex w-[calc(100%+0.75rem)] justify-between gap-0.5 overflow-x-auto sm:justify-start sm:gap-1 md:order-none md:mx-0 md:w-auto">
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end} aria-label={item.label}
                className={({ isActive }) => `whitespace-nowrap rounded-md px-1 py-1.5 text-[13px] font-medium sm:px-3 sm:text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}>
                {item.short
                  ? <><span className="sm:hidden">{item.short}</span><span className="hidden sm:inline">{item.label}</span></>
                  : item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {tenant && (
              <span className="hidden text-slate-500 sm:inline" title="Tenant">
                Tenant <span className="font-medium text-slate-800" data-tenant>{tenant}</span>
              </span>
            )}
            <button type="button" onClick={() => { signOut(); navigate('/sign-in'); }}
              className="rounded-md px-2.5 py-1.5 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        <Outlet />
      </main>
    </div>
  );
}
