import Meter from './meter.jsx';

// passmeter/react rendered on the server on each request, then in the page.
export const dynamic = 'force-dynamic';

export default function Page() {
  return <Meter />;
}
