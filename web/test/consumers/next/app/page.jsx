// Rendered on the server first: importing passmeter there must not crash.
export const dynamic = 'force-dynamic'; // rendered on each request, not at build time

import Check from './check.jsx';

export default function Page() {
  return <Check />;
}
