// The demo's own code: a sign-up form using the built package the way a
// site would (<script src="web/dist/passmeter.js"> defines window.passmeter).
// No inline script anywhere, so the page runs under
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
//
// Query options, for trying things out: ?locale=de, ?worker=0, and
// ?hibp=http://127.0.0.1:PORT/range to use a local HIBP mirror (loopback only).
'use strict';

(() => {
  const $ = (sel) => document.querySelector(sel);
  const params = new URLSearchParams(location.search);
  const form = $('#signup');
  const password = $('#password');
  const toggle = $('#toggle');
  const localeSelect = $('#locale');
  const status = $('#engine-status');

  const TEXT = {
    en: {
      show: 'Show', hide: 'Hide', showName: 'Show password', hideName: 'Hide password',
      shown: 'Your password is visible', hidden: 'Your password is hidden',
      ready: 'Strength is checked on your device. Breach check: k-anonymity, 5 hash characters.',
      failed: 'The strength checker could not start; the server will still check your password.',
      welcome: (n) => `Welcome aboard, ${n}`, levels: ['Not set', 'Weak', 'Fair', 'Strong'],
      title: 'Create your account', haveOne: 'Already have one?', signIn: 'Sign in', name: 'Full name', email: 'Work email',
      password: 'Password', hint: 'Use a few uncommon words. Length beats symbols.', agree: 'I agree to the', terms: 'Terms',
      and: 'and', privacy: 'Privacy Policy', submit: 'Create account', accountSecurity: 'account security', emailShort: 'Email',
      verified: 'Verified', raise: 'Raise your score', mfa: 'Two-factor authentication', phone: 'Recovery phone number', again: 'Start over',
    },
    de: {
      show: 'Anzeigen', hide: 'Verbergen', showName: 'Passwort anzeigen', hideName: 'Passwort verbergen',
      shown: 'Dein Passwort ist sichtbar', hidden: 'Dein Passwort ist verborgen',
      ready: 'Die Stärke wird auf deinem Gerät geprüft. Datenleck-Prüfung: k-Anonymität, 5 Hash-Zeichen.',
      failed: 'Die Stärkeprüfung konnte nicht starten; der Server prüft dein Passwort trotzdem.',
      welcome: (n) => `Willkommen an Bord, ${n}`, levels: ['Nicht gesetzt', 'Schwach', 'Mittel', 'Stark'],
      title: 'Konto erstellen', haveOne: 'Schon registriert?', signIn: 'Anmelden', name: 'Vollständiger Name', email: 'Geschäftliche E-Mail',
      password: 'Passwort', hint: 'Nimm ein paar ungewöhnliche Wörter. Länge schlägt Sonderzeichen.', agree: 'Ich akzeptiere die', terms: 'AGB',
      and: 'und die', privacy: 'Datenschutzerklärung', submit: 'Konto erstellen', accountSecurity: 'Kontosicherheit', emailShort: 'E-Mail',
      verified: 'Bestätigt', raise: 'Punktzahl erhöhen', mfa: 'Zwei-Faktor-Authentifizierung', phone: 'Telefonnummer zur Wiederherstellung', again: 'Von vorn',
    },
    es: {
      show: 'Mostrar', hide: 'Ocultar', showName: 'Mostrar contraseña', hideName: 'Ocultar contraseña',
      shown: 'Tu contraseña está visible', hidden: 'Tu contraseña está oculta',
      ready: 'La seguridad se comprueba en tu dispositivo. Filtraciones: k-anonimato, 5 caracteres del hash.',
      failed: 'No se pudo iniciar el comprobador; el servidor comprobará tu contraseña igualmente.',
      welcome: (n) => `Te damos la bienvenida, ${n}`, levels: ['Sin definir', 'Débil', 'Media', 'Fuerte'],
      title: 'Crea tu cuenta', haveOne: '¿Ya tienes una?', signIn: 'Inicia sesión', name: 'Nombre completo', email: 'Correo del trabajo',
      password: 'Contraseña', hint: 'Usa varias palabras poco comunes. La longitud gana a los símbolos.', agree: 'Acepto los', terms: 'Términos',
      and: 'y la', privacy: 'Política de privacidad', submit: 'Crear cuenta', accountSecurity: 'seguridad de la cuenta', emailShort: 'Correo',
      verified: 'Verificado', raise: 'Mejora tu puntuación', mfa: 'Verificación en dos pasos', phone: 'Teléfono de recuperación', again: 'Empezar de nuevo',
    },
  };
  let locale = TEXT[params.get('locale')] ? params.get('locale') : 'en';
  localeSelect.value = locale;
  const text = () => TEXT[locale];

  // Show / hide the password, as GOV.UK's password pattern does: the
  // button's name says what it will do ("Show password"), a status message
  // says what it did, focus stays on the button, and the password is
  // hidden again whenever the form is submitted or started over.
  const passwordStatus = $('#password-status');
  const renderToggle = () => {
    const shown = password.type === 'text';
    toggle.textContent = shown ? text().hide : text().show;
    toggle.setAttribute('aria-label', shown ? text().hideName : text().showName);
  };
  const setShown = (shown, say = true) => {
    password.type = shown ? 'text' : 'password';
    renderToggle();
    if (say) passwordStatus.textContent = shown ? text().shown : text().hidden;
  };
  toggle.addEventListener('click', () => setShown(password.type !== 'text'));

  const hibpEndpoint = () => {
    const h = params.get('hibp');
    if (!h) return undefined;
    try {
      const u = new URL(h);
      return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) ? u.href : undefined;
    } catch {
      return undefined;
    }
  };

  let api = null;
  let controller = null;

  const loadOptions = {
    worker: params.get('worker') !== '0',
    hibp: { endpoint: hibpEndpoint() },
  };
  // Attached at once, before the engine has started: until the first score
  // the field is pending (a weak password cannot slip through), and if the
  // engine cannot start the widget says so and applies its minimum rule.
  const attach = () => {
    controller?.detach();
    controller = passmeter.attach(password, { target: '#password-feedback', locale, load: loadOptions });
  };

  const setLocale = (next) => {
    locale = next;
    document.documentElement.lang = next;
    renderToggle();
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = text()[el.dataset.t];
    if (api) status.textContent = text().ready;
    if (window.passmeter) attach();
  };

  localeSelect.addEventListener('change', () => setLocale(localeSelect.value));

  if (!window.passmeter) {
    status.textContent = text().failed;
    status.dataset.state = 'failed';
    return;
  }
  setLocale(locale);
  // The same start as the widget's (load() shares it), for the security level after sign-up.
  passmeter
    .load(loadOptions)
    .then((loaded) => {
      api = loaded;
      status.textContent = text().ready;
      status.dataset.state = 'ready';
    })
    .catch((err) => {
      status.textContent = text().failed;
      status.dataset.state = 'failed';
      console.error(err.message);
    });

  // Submitting: the browser's own validation has already refused a weak
  // password (setCustomValidity). A real site would POST here and re-check
  // on the server with the same engine.
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setShown(false, password.type === 'text');
    const name = $('#name').value.trim().split(/\s+/)[0] || '';
    $('#welcome-title').textContent = text().welcome(name);
    $('#signup-card').hidden = true;
    $('#welcome-card').hidden = false;
    $('#welcome-title').focus();
    await showSecurity();
  });

  const showSecurity = async () => {
    if (!api) return;
    const info = await api.securityLevel({
      password: password.value,
      emailBinded: true,
      mfaEnrolled: $('#mfa').checked,
      phoneBinded: $('#phone').checked,
    });
    $('#security-score').textContent = String(info.securityScore);
    $('#security-score').dataset.level = String(info.passwordSecurityLevel);
    $('#security-password').textContent = text().levels[info.passwordSecurityLevel];
  };
  $('#mfa').addEventListener('change', showSecurity);
  $('#phone').addEventListener('change', showSecurity);

  $('#again').addEventListener('click', () => {
    setShown(false, false);
    passwordStatus.textContent = '';
    form.reset();
    $('#welcome-card').hidden = true;
    $('#signup-card').hidden = false;
    $('#name').focus();
  });
})();
