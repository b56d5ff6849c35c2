import Check from './check.jsx';

// Rendered on the server on each request (not at build time): importing
// passmeter there must not crash.
export const dynamic = 'force-dynamic';

export default function Page() {
  return <Check />;
}
