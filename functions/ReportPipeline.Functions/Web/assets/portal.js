'use strict';
// The member-state portal. The upload key lives in sessionStorage only and travels only in the Authorization header;
// every text from a report or the server is set with textContent, never parsed as HTML.
(() => {
  // The languages and their words, rendered from the language profiles by the app: { reference, languages: [{ code, name, dir, strings }] }.
  const portal = window.PortalStrings;
  const languages = Object.fromEntries(portal.languages.map((l) => [l.code, l]));
  const keyStore = 'reportpipeline.uploadKey';
  const languageStore = 'reportpipeline.language';
  const questions = ['a', 'b', 'c', 'd'];
  const pollMs = 1000;
  const pollLimit = 180;
  const $ = (id) => document.getElementById(id);

  let language = chooseLanguage();
  let account = null;
  let listing = null;
  let shown = null;
  let message = null;

  function chooseLanguage() {
    const stored = localStorage.getItem(languageStore);
    if (stored && languages[stored]) {
      return stored;
    }
    for (const tag of navigator.languages || [navigator.language || portal.reference]) {
      const code = String(tag).slice(0, 2).toLowerCase();
      if (languages[code]) {
        return code;
      }
    }
    return portal.reference;
  }

  function t(name, values) {
    const text = (languages[language].strings[name] ?? languages[portal.reference].strings[name] ?? name);
    return text.replace(/\{(\w+)\}/g, (_, key) => String(values?.[key] ?? ''));
  }

  function reason(code) {
    const known = `reason.${code}` in languages[portal.reference].strings ? code : 'processing-failed';
    return [t(`reason.${known}`), t(`next.${known}`)];
  }

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    return node;
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.documentElement.dir = languages[language].dir;
    document.title = t('title');
    for (const node of document.querySelectorAll('[data-t]')) {
      node.textContent = t(node.dataset.t);
    }
    $('language').value = language;
    renderAccount();
    renderList();
    renderOutcome();
    renderMessage();
  }

  function say(name, values, kind) {
    message = name ? { name, values, kind } : null;
    renderMessage();
  }

  function renderMessage() {
    const error = $('upload-error');
    const status = $('status');
    error.hidden = true;
    error.textContent = '';
    status.textContent = '';
    if (!message) {
      return;
    }
    if (message.kind === 'error') {
      error.textContent = message.name === 'reason' ? reasonText(message.values.code) : t(message.name, message.values);
      error.hidden = false;
    } else {
      status.textContent = t(message.name, message.values);
    }
  }

  function reasonText(code) {
    const [what, next] = reason(code);
    return `${what} ${t('nextStep')}${next}`;
  }

  async function api(path, options) {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem(keyStore) || ''}`, ...(options?.headers || {}) };
    const response = await fetch(path, { ...options, headers, cache: 'no-store', credentials: 'omit' });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    return { status: response.status, body };
  }

  function period() {
    return $('period').value;
  }

  async function signIn(event) {
    event.preventDefault();
    const input = $('key');
    const key = input.value.trim();
    const error = $('key-error');
    error.hidden = true;
    if (!key) {
      error.textContent = t('keyMissing');
      error.hidden = false;
      input.focus();
      return;
    }
    sessionStorage.setItem(keyStore, key);
    input.value = '';
    try {
      await start();
    } catch {
      error.textContent = t('networkError');
      error.hidden = false;
    }
  }

  async function start() {
    const periods = await api('/api/periods');
    const select = $('period');
    select.replaceChildren(...(periods.body?.open || []).map((name) => element('option', name, { value: name })));
    const listed = await refresh();
    if (!listed) {
      sessionStorage.removeItem(keyStore);
      $('upload').hidden = true;
      $('sign-in').hidden = false;
      $('key-error').textContent = t('keyRefused');
      $('key-error').hidden = false;
      $('key').focus();
      return;
    }
    $('sign-in').hidden = true;
    $('upload').hidden = false;
    $('period').focus();
  }

  async function refresh() {
    const response = await api(`/api/uploads?period=${encodeURIComponent(period())}`);
    if (response.status === 401) {
      return false;
    }
    if (response.status !== 200) {
      say('networkError', null, 'error');
      return true;
    }
    account = { state: response.body.state, name: response.body.stateName };
    listing = response.body.uploads;
    renderAccount();
    renderList();
    if (shown) {
      shown = listing.find((u) => u.upload.blobName === shown.upload.blobName) || shown;
      renderOutcome();
    }
    return true;
  }

  function renderAccount() {
    $('state-line').textContent = account ? t('reportingFor', { state: `${account.name} (${account.state})` }) : '';
  }

  function fileName(blobName) {
    // Slot names are {period}/{ISO3}/{time}-{random}-{name}: show the name the state gave.
    const last = blobName.split('/').pop();
    const match = /^\d{8}T\d{6}Z-[0-9a-f]{8}-(.+)$/.exec(last);
    return match ? match[1] : last;
  }

  function statusText(upload) {
    switch (upload.status) {
      case 'Accepted':
        return t(upload.current ? 'statusCurrent' : 'statusAccepted', { version: upload.version });
      case 'Rejected':
        return t('statusReason', { status: t('statusRejected'), reason: reason(upload.reasonCode)[0] });
      case 'Failed':
        return t('statusReason', { status: t('statusFailed'), reason: reason(upload.reasonCode)[0] });
      default:
        return t('statusProcessing');
    }
  }

  function renderList() {
    const body = $('uploads').tBodies[0];
    body.replaceChildren();
    $('no-uploads').hidden = !listing || listing.length > 0;
    for (const finding of [...(listing || [])].reverse()) {
      const upload = finding.upload;
      const row = element('tr');
      row.dataset.blob = upload.blobName;
      row.append(element('td', fileName(upload.blobName), { dir: 'ltr' }));
      const when = upload.uploadedAt ? new Date(upload.uploadedAt).toLocaleString(language) : '';
      row.append(element('td', when));
      row.append(element('td', statusText(upload), { class: upload.status.toLowerCase() }));
      const cell = element('td');
      const button = element('button', t('show'), { type: 'button', class: 'link secondary' });
      button.setAttribute('aria-label', `${t('show')}: ${fileName(upload.blobName)}`);
      button.addEventListener('click', () => {
        window.PortalIndications.forget();
        shown = finding;
        renderOutcome();
        $('outcome-heading').focus();
      });
      cell.append(button);
      row.append(cell);
      body.append(row);
    }
  }

  function renderOutcome() {
    const section = $('outcome');
    const body = $('outcome-body');
    body.replaceChildren();
    section.hidden = !shown;
    if (!shown) {
      return;
    }
    const upload = shown.upload;
    body.append(element('p', fileName(upload.blobName), { class: 'muted', dir: 'ltr' }));
    if (upload.status === 'Accepted') {
      renderAccepted(body, shown);
    } else if (upload.status === 'Rejected' || upload.status === 'Failed') {
      const [what, next] = reason(upload.reasonCode);
      const refused = upload.status === 'Rejected';
      body.append(element('p', t(refused ? 'refused' : 'failed'), { class: `verdict ${refused ? 'refused' : 'failed'}`, 'data-reason': upload.reasonCode || '' }));
      body.append(element('p', what, { class: 'reason' }));
      body.append(element('p', `${t('nextStep')}${next}`, { class: 'next' }));
      if (upload.message && language !== portal.reference) {
        body.append(element('p', `${t('details')}${upload.message}`, { class: 'muted' }));
      } else if (upload.message) {
        body.append(element('p', upload.message, { class: 'muted' }));
      }
    } else {
      body.append(element('p', t('processing'), { class: 'verdict' }));
    }
  }

  function renderAccepted(body, finding) {
    const upload = finding.upload;
    body.append(element('p', t('accepted', { version: upload.version }), { class: 'verdict accepted' }));
    body.append(element('p', t(upload.current ? 'current' : 'notCurrent')));
    const missing = (finding.unanswered || '').split('').filter(Boolean);
    body.append(element('p', missing.length ? t('unanswered', { questions: missing.map((q) => t(`q${q}`)).join('; ') }) : t('allAnswered'), { class: 'unanswered' }));
    body.append(element('p', t('passagesIntro')));
    for (const question of questions) {
      const block = element('section', null, { class: 'question', 'data-question': question });
      block.append(element('h3', t(`q${question}`)));
      const passages = finding.passages.filter((p) => p.question === question);
      if (passages.length === 0) {
        block.append(element('p', t('noAnswer'), { class: 'no-answer' }));
      }
      for (const passage of passages) {
        block.append(element('blockquote', passage.text, { lang: finding.language || '', dir: 'auto' }));
        const where = passage.provenance.map((p) => t('where', { page: p.page, paragraph: p.paragraph })).join('; ');
        const first = passage.provenance[0];
        block.append(element('p', where, { class: 'where', 'data-passage': first ? `${question}-${first.page}.${first.paragraph}` : '' }));
      }
      body.append(block);
    }
    window.PortalIndications.render(body, finding, { t, element, api, reasonText, language, state: account?.state, period: period(), rerender: renderOutcome });
  }

  function safeName(name) {
    // The API accepts letters, digits, '.', '-' and '_' (at most 100 characters); the format is read from the bytes anyway.
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '').slice(0, 10) : '';
    let base = (dot > 0 ? name.slice(0, dot) : name).normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    base = (base || 'report').slice(0, 100 - extension.length);
    return base + (extension.length > 1 ? extension : '');
  }

  async function send(event) {
    event.preventDefault();
    say(null);
    const file = $('file').files[0];
    if (!file) {
      say('noFile', null, 'error');
      $('file').focus();
      return;
    }
    $('send').disabled = true;
    try {
      const slot = await api('/api/uploads', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ state: account.state, period: period(), fileName: safeName(file.name) }),
      });
      if (slot.status !== 200) {
        say('reason', { code: slot.body?.error || 'bad-request' }, 'error');
        return;
      }
      await put(slot.body, file);
      say('sent');
      await watch(slot.body.blobName);
    } catch {
      say('networkError', null, 'error');
    } finally {
      $('send').disabled = false;
    }
  }

  function put(slot, file) {
    // XMLHttpRequest, not fetch, for its upload progress events. One Put Blob: a create-only slot allows nothing else.
    return new Promise((resolve, reject) => {
      const box = $('progress-box');
      const bar = $('progress');
      bar.value = 0;
      box.hidden = false;
      const request = new XMLHttpRequest();
      request.open('PUT', slot.url);
      for (const [name, value] of Object.entries(slot.headers || {})) {
        request.setRequestHeader(name, value);
      }
      request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) {
          bar.value = Math.round((100 * e.loaded) / e.total);
        }
      });
      request.addEventListener('load', () => {
        if (request.status >= 200 && request.status < 300) {
          bar.value = 100;
          resolve();
        } else {
          say('putFailed', null, 'error');
          reject(new Error(`PUT ${request.status}`));
        }
      });
      request.addEventListener('error', () => reject(new Error('PUT failed')));
      request.send(file);
    });
  }

  async function watch(blobName) {
    shown = { upload: { blobName, status: 'Processing' }, passages: [] };
    renderOutcome();
    for (let i = 0; i < pollLimit; i++) {
      await refresh();
      const found = listing?.find((u) => u.upload.blobName === blobName);
      if (found && (found.upload.status === 'Accepted' || found.upload.status === 'Rejected' || found.upload.status === 'Failed')) {
        shown = found;
        renderOutcome();
        say(null);
        $('outcome-heading').focus();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    say('stillProcessing');
  }

  function forget() {
    sessionStorage.removeItem(keyStore);
    account = null;
    listing = null;
    shown = null;
    say(null);
    $('upload').hidden = true;
    $('sign-in').hidden = false;
    $('key').focus();
  }

  function dropZone() {
    const zone = $('drop');
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      if (e.dataTransfer?.files?.length) {
        $('file').files = e.dataTransfer.files;
      }
    });
  }

  $('outcome-heading').tabIndex = -1;
  $('language').replaceChildren(...portal.languages.map((l) => element('option', l.name, { value: l.code, lang: l.code })));
  $('language').addEventListener('change', () => {
    language = $('language').value;
    localStorage.setItem(languageStore, language);
    applyLanguage();
  });
  $('key-form').addEventListener('submit', signIn);
  $('upload-form').addEventListener('submit', send);
  $('period').addEventListener('change', () => {
    shown = null;
    renderOutcome();
    refresh();
  });
  $('forget').addEventListener('click', forget);
  dropZone();
  applyLanguage();
  if (sessionStorage.getItem(keyStore)) {
    start().catch(() => say('networkError', null, 'error'));
  }
})();
