// A React app scoring from an effect, as a component would.
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { run } from './app.js';

function App() {
  const out = useRef(null);
  useEffect(() => {
    run(out.current);
  }, []);
  return <pre id="out" ref={out}>loading</pre>;
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
