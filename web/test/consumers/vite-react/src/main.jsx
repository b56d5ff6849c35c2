// A React app. By default it scores from an effect (app.js, as every
// consumer does); with ?meter=1 it renders passmeter/react's meter and
// hook for a controlled input, and a button that unmounts them.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PasswordStrengthMeter, usePasswordStrength } from 'passmeter/react';
import 'passmeter/passmeter.css';
import { run } from './app.js';

function Check() {
  const out = useRef(null);
  useEffect(() => {
    run(out.current);
  }, []);
  return <pre id="out" ref={out}>loading</pre>;
}

function Form() {
  const [password, setPassword] = useState('');
  const { result, loading, error } = usePasswordStrength(password, { email: 'ann.lee@example.com' });
  return (
    <form>
      <label htmlFor="pw">Password</label>
      <input id="pw" type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="meter-details" />
      <PasswordStrengthMeter password={password} email="ann.lee@example.com" id="meter" />
      <output id="hook">{loading ? 'loading' : error ? `error ${error.message}` : `score ${result.score}`}</output>
    </form>
  );
}

function Meter() {
  const [shown, setShown] = useState(true);
  return (
    <>
      {shown && <Form />}
      <button type="button" id="unmount" onClick={() => setShown(false)}>Unmount</button>
    </>
  );
}

const meter = new URLSearchParams(location.search).get('meter') === '1';
createRoot(document.getElementById('root')).render(<StrictMode>{meter ? <Meter /> : <Check />}</StrictMode>);
