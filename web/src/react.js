// passmeter/react: a hook and a component over the package's own entry
// ('passmeter', resolved by the app's bundler for the browser or the
// server), with React as a peer dependency. Nothing starts at import or
// while rendering on the server: the engine starts from an effect, once
// for every component (load() shares its start), and each effect's
// cleanup detaches what it attached.

import { createElement, useEffect, useRef, useState } from 'react';
import { load, attach } from 'passmeter';

/**
 * The strengthCheck response for password, kept up to date: {result,
 * loading, error}. An answer for an older password never replaces a newer
 * one's.
 * @param {string} password
 * @param {import('./react').PasswordStrengthOptions} [options]
 * @returns {import('./react').PasswordStrengthState}
 */
export function usePasswordStrength(password, options = {}) {
  const [state, setState] = useState(/** @type {import('./react').PasswordStrengthState} */ ({ result: null, loading: true, error: null }));
  const { email, userInputs, policy, luds, multiFactor } = options;
  const loadOptions = useRef(options.load);
  const inputsKey = JSON.stringify(userInputs ?? []);
  const ludsKey = JSON.stringify(luds ?? null);
  useEffect(() => {
    let live = true;
    /** @type {import('./passmeter').StrengthRequest} */
    const request = { password: String(password ?? '') };
    if (email) request.email = email;
    if (userInputs && userInputs.length) request.user_inputs = userInputs;
    if (policy) request.strength_policy = policy;
    if (luds) request.luds = luds;
    if (multiFactor) request.multi_factor = true;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    load(loadOptions.current).then((pm) => pm.strengthCheck(request)).then(
      (result) => live && setState({ result, loading: false, error: null }),
      (error) => live && setState({ result: null, loading: false, error }),
    );
    return () => { live = false; };
    // userInputs and luds by value, not by identity
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [password, email, inputsKey, policy, ludsKey, multiFactor]);
  return state;
}

/**
 * The widget attach() renders (meter, level, warning and suggestions, live
 * region), for a password held in React state. It scores what password
 * says through a hidden field of its own; give your input
 * aria-describedby={id + '-details'} to tie the two together.
 * @param {import('./react').PasswordStrengthMeterProps} props
 */
export function PasswordStrengthMeter(props) {
  const host = useRef(/** @type {HTMLDivElement | null} */ (null));
  const field = useRef(/** @type {HTMLInputElement | null} */ (null));
  const emailField = useRef(/** @type {HTMLInputElement | null} */ (null));
  const latest = useRef(props);
  latest.current = props;
  const { policy, locale, breach, luds, multiFactor } = props;
  const ludsKey = JSON.stringify(luds ?? null);

  useEffect(() => {
    const input = /** @type {HTMLInputElement} */ (field.current);
    // the email goes in as attach's email field, so it is split as the server splits it
    const userInputs = () => latest.current.userInputs ?? [];
    // the refs are set: effects run after the elements are in
    /** @type {import('./passmeter').EarlyAttachOptions} */
    const options = {
      target: /** @type {HTMLDivElement} */ (host.current), inputs: [/** @type {HTMLInputElement} */ (emailField.current)], validity: false, breach: breach ?? false, userInputs,
      load: latest.current.load,
    };
    if (policy) options.policy = policy;
    if (luds) options.luds = luds;
    if (multiFactor) options.multiFactor = true;
    if (locale) options.locale = locale;
    if (latest.current.messages) options.messages = latest.current.messages;
    const controller = attach(input, options);
    const changed = (/** @type {import('./passmeter').PassmeterChangeEvent} */ e) => latest.current.onChange?.(e.detail);
    input.addEventListener('passmeter:change', changed);
    return () => {
      input.removeEventListener('passmeter:change', changed);
      controller.detach();
    };
  }, [policy, locale, breach, ludsKey, multiFactor]);

  useEffect(() => {
    const input = /** @type {HTMLInputElement} */ (field.current);
    const email = /** @type {HTMLInputElement} */ (emailField.current);
    const value = String(props.password ?? '');
    const mail = String(props.email ?? '');
    const emailChanged = email.value !== mail;
    email.value = mail;
    if (input.value === value && !emailChanged) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

  return createElement('div', { className: props.className, id: props.id, 'data-passmeter-react': '' },
    createElement('input', { ref: field, type: 'password', hidden: true, tabIndex: -1, 'aria-hidden': 'true', autoComplete: 'off', readOnly: true }),
    createElement('input', { ref: emailField, type: 'email', hidden: true, tabIndex: -1, 'aria-hidden': 'true', autoComplete: 'off', readOnly: true }),
    createElement('div', { ref: host }));
}
