'use client';
// A client component that scores from an effect; app.js imports passmeter
// at the top, so the server render imports it too.
import { useEffect, useRef } from 'react';
import { run } from './app.js';

export default function Check() {
  const out = useRef(null);
  useEffect(() => {
    run(out.current);
  }, []);
  return <pre id="out" ref={out}>loading</pre>;
}
