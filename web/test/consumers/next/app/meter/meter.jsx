'use client';
// passmeter/react's hook and meter for a controlled input.
import { useState } from 'react';
import { PasswordStrengthMeter, usePasswordStrength } from 'passmeter/react';
import 'passmeter/passmeter.css';

export default function Meter() {
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(true);
  const { result, loading, error } = usePasswordStrength(password);
  return (
    <main>
      {shown && (
        <form>
          <label htmlFor="pw">Password</label>
          <input id="pw" type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="meter-details" />
          <PasswordStrengthMeter password={password} id="meter" />
          <output id="hook">{loading ? 'loading' : error ? `error ${error.message}` : `score ${result.score}`}</output>
        </form>
      )}
      <button type="button" id="unmount" onClick={() => setShown(false)}>Unmount</button>
    </main>
  );
}
