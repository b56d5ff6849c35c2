// Types for passmeter/react.
import type { ReactElement } from 'react';
import type { StrengthResponse, LoadOptions, Messages } from './passmeter.js';

export interface PasswordStrengthOptions {
  email?: string;
  userInputs?: string[];
  policy?: 'zxcvbn' | 'luds' | 'nist';
  luds?: { min_length?: number; min_complexity?: number };
  /** For the nist policy: the password is one factor of MFA, so 8 characters suffice. */
  multiFactor?: boolean;
  /** load()'s options; the first component's start is shared by all. */
  load?: LoadOptions;
}

export interface PasswordStrengthState {
  result: StrengthResponse | null;
  loading: boolean;
  error: Error | null;
}

/** The strengthCheck response for password, kept up to date. */
export function usePasswordStrength(password: string, options?: PasswordStrengthOptions): PasswordStrengthState;

export interface PasswordStrengthMeterProps extends PasswordStrengthOptions {
  password: string;
  locale?: string;
  messages?: Messages;
  /** The breach check (after a pause). Default false. */
  breach?: boolean;
  id?: string;
  className?: string;
  onChange?: (response: StrengthResponse) => void;
}

/** The meter attach() renders, for a password held in React state. */
export function PasswordStrengthMeter(props: PasswordStrengthMeterProps): ReactElement;
